package io.ferry.connect.errors;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.json.JsonConverterConfig;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.ConverterConfig;
import org.apache.kafka.connect.storage.ConverterType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders a source record that never reached its converters as readable bytes: key, value and each
 * header as JSON with its schema ({@code {"schema": …, "payload": …}}, Apache's JsonConverter with
 * {@code schemas.enable=true}). Data the JSON converter refuses (a value that does not match its
 * schema, say — often the very reason the record failed) is written as the UTF-8 text of
 * {@code String.valueOf(data)} instead. Thread-safe.
 */
final class SourceRecordRenderer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SourceRecordRenderer.class);

    private final JsonConverter keys = new JsonConverter();
    private final JsonConverter values = new JsonConverter();
    private final JsonConverter headers = new JsonConverter();

    SourceRecordRenderer() {
        keys.configure(Map.of(JsonConverterConfig.SCHEMAS_ENABLE_CONFIG, true), true);
        values.configure(Map.of(JsonConverterConfig.SCHEMAS_ENABLE_CONFIG, true), false);
        headers.configure(Map.of(JsonConverterConfig.SCHEMAS_ENABLE_CONFIG, true,
                ConverterConfig.TYPE_CONFIG, ConverterType.HEADER.getName()));
    }

    byte[] key(SourceRecord record) {
        return render("key", record.topic(), record.keySchema(), record.key(), keys);
    }

    byte[] value(SourceRecord record) {
        return render("value", record.topic(), record.valueSchema(), record.value(), values);
    }

    RecordHeaders headers(SourceRecord record) {
        RecordHeaders rendered = new RecordHeaders();
        for (Header header : record.headers()) {
            rendered.add(header.key(), render("header " + header.key(), record.topic(), header.schema(), header.value(), headers));
        }
        return rendered;
    }

    private static byte[] render(String part, String topic, Schema schema, Object data, JsonConverter converter) {
        try {
            return converter.fromConnectData(topic, schema, data);
        } catch (RuntimeException e) {
            log.warn("The {} of a failed source record for topic {} cannot be written as JSON ({}); writing it as text", part, topic,
                    e.toString());
            return data == null ? null : String.valueOf(data).getBytes(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        keys.close();
        values.close();
        headers.close();
    }
}
