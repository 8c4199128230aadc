package io.ferry.registry.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.registry.schema.SchemaReference;

/**
 * A schema's guid: the UUID whose bytes are the MD5 digest Confluent's registry computes over a
 * schema's content — its text, references, metadata and rule set — so that the same schema has the
 * same guid in Ferry and in Confluent's registry, and clients that address schemas by guid work.
 */
public final class SchemaGuids {

    private SchemaGuids() {
    }

    public static UUID guidOf(SchemaContent content) {
        MessageDigest md5 = md5();
        md5.update(utf8(content.schema()));
        for (SchemaReference reference : content.references()) {
            md5.update(utf8(reference.name()));
            md5.update(utf8(reference.subject()));
            md5.update(ByteBuffer.allocate(Integer.BYTES).putInt(reference.version()).array());
        }
        if (content.metadata() != null) {
            md5.update((byte) 1);
            metadata(md5, content.metadata());
        }
        if (content.ruleSet() != null) {
            md5.update((byte) 1);
            for (String kind : new String[] {"migrationRules", "domainRules", "encodingRules"}) {
                for (JsonNode rule : content.ruleSet().path(kind)) {
                    rule(md5, rule);
                }
            }
        }
        ByteBuffer digest = ByteBuffer.wrap(md5.digest());
        return new UUID(digest.getLong(), digest.getLong());
    }

    /** Tags by path (each a sorted set), then properties, then sensitive names, all in sorted order. */
    private static void metadata(MessageDigest md5, JsonNode metadata) {
        TreeMap<String, TreeSet<String>> tags = new TreeMap<>();
        metadata.path("tags").fields().forEachRemaining(tag -> tags.put(tag.getKey(), texts(tag.getValue())));
        tags.forEach((path, names) -> {
            md5.update(utf8(path));
            names.forEach(name -> md5.update(utf8(name)));
        });
        sortedMap(metadata.path("properties")).forEach((key, value) -> {
            md5.update(utf8(key));
            md5.update(utf8(value));
        });
        texts(metadata.path("sensitive")).forEach(name -> md5.update(utf8(name)));
    }

    private static void rule(MessageDigest md5, JsonNode rule) {
        for (String field : new String[] {"name", "doc", "kind", "mode", "type"}) {
            updateIfText(md5, rule.get(field));
        }
        texts(rule.path("tags")).forEach(tag -> md5.update(utf8(tag)));
        sortedMap(rule.path("params")).forEach((key, value) -> {
            md5.update(utf8(key));
            md5.update(utf8(value));
        });
        for (String field : new String[] {"expr", "onSuccess", "onFailure"}) {
            updateIfText(md5, rule.get(field));
        }
        if (rule.path("disabled").asBoolean(false)) {
            md5.update((byte) 1);
        }
    }

    private static void updateIfText(MessageDigest md5, JsonNode value) {
        if (value != null && !value.isNull()) {
            md5.update(utf8(value.asText()));
        }
    }

    private static TreeSet<String> texts(JsonNode array) {
        TreeSet<String> values = new TreeSet<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static TreeMap<String, String> sortedMap(JsonNode object) {
        TreeMap<String, String> values = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            values.put(field.getKey(), field.getValue().asText());
        }
        return values;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }
}
