package io.ferry.serde.protobuf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.UnknownFieldSet;
import io.ferry.protobuf.KnownProtoFiles;

/**
 * Confluent's {@code confluent.Meta} options ({@code doc}, {@code params}, {@code tags}) on a message, field
 * or enum: read from and written to the options' field 1088, which Ferry carries as an unknown field
 * because no generated {@code MetaProto} class is on the class path. Stateless.
 */
public final class MetaOptions {
    private static final Descriptor META = KnownProtoFiles.get(KnownProtoFiles.META).findMessageTypeByName("Meta");

    private MetaOptions() {
    }

    /** The {@code params} of the Meta option in {@code options}, in order; empty when there is none. */
    public static Map<String, String> params(Message options) {
        Message meta = meta(options.getUnknownFields());
        return meta == null ? new LinkedHashMap<>() : paramsOf(meta);
    }

    /** Unknown fields holding a Meta option with these params, to set on an options message. */
    public static UnknownFieldSet withParams(Map<String, String> params) {
        DynamicMessage.Builder meta = DynamicMessage.newBuilder(META);
        FieldDescriptor entries = META.findFieldByName("params");
        Descriptor entry = entries.getMessageType();
        params.forEach((key, value) -> meta.addRepeatedField(entries, DynamicMessage.newBuilder(entry)
                .setField(entry.findFieldByName("key"), key).setField(entry.findFieldByName("value"), value).build()));
        return UnknownFieldSet.newBuilder().addField(KnownProtoFiles.META_OPTION,
                UnknownFieldSet.Field.newBuilder().addLengthDelimited(meta.build().toByteString()).build()).build();
    }

    /** The option's value as a {@code .proto} aggregate literal, or {@code null} when there is no Meta option. */
    static String text(UnknownFieldSet unknown) {
        Message meta = meta(unknown);
        if (meta == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        String doc = (String) meta.getField(META.findFieldByName("doc"));
        if (!doc.isEmpty()) {
            parts.add("doc: " + ProtoFilePrinter.quote(doc));
        }
        List<String> entries = new ArrayList<>();
        paramsOf(meta).forEach((key, value) -> entries.add("{ key: " + ProtoFilePrinter.quote(key) + ", value: "
                + ProtoFilePrinter.quote(value) + " }"));
        if (!entries.isEmpty()) {
            parts.add("params: [" + String.join(", ", entries) + "]");
        }
        FieldDescriptor tags = META.findFieldByName("tags");
        List<String> tagTexts = new ArrayList<>();
        for (int i = 0; i < meta.getRepeatedFieldCount(tags); i++) {
            tagTexts.add(ProtoFilePrinter.quote((String) meta.getRepeatedField(tags, i)));
        }
        if (!tagTexts.isEmpty()) {
            parts.add("tags: [" + String.join(", ", tagTexts) + "]");
        }
        return "{ " + String.join(", ", parts) + " }";
    }

    private static Map<String, String> paramsOf(Message meta) {
        Map<String, String> params = new LinkedHashMap<>();
        FieldDescriptor entries = META.findFieldByName("params");
        for (int i = 0; i < meta.getRepeatedFieldCount(entries); i++) {
            Message entry = (Message) meta.getRepeatedField(entries, i);
            params.put((String) entry.getField(entry.getDescriptorForType().findFieldByName("key")),
                    (String) entry.getField(entry.getDescriptorForType().findFieldByName("value")));
        }
        return params;
    }

    private static Message meta(UnknownFieldSet unknown) {
        UnknownFieldSet.Field field = unknown.getField(KnownProtoFiles.META_OPTION);
        if (field == null || field.getLengthDelimitedList().isEmpty()) {
            return null;
        }
        DynamicMessage.Builder merged = DynamicMessage.newBuilder(META);
        try {
            for (ByteString bytes : field.getLengthDelimitedList()) {
                merged.mergeFrom(bytes);
            }
        } catch (InvalidProtocolBufferException e) {
            return null;
        }
        return merged.build();
    }
}
