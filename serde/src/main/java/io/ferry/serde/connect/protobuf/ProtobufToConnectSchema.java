package io.ferry.serde.connect.protobuf;

import static io.ferry.serde.connect.protobuf.ProtobufConnectNames.*;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import io.ferry.serde.protobuf.MetaOptions;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * The Connect schema of a message type, as Confluent's converter gives it: a struct named after the message
 * (its full name with {@code enhanced.protobuf.schema.support}); every field optional (with
 * {@code optional.for.nullables} only fields with presence, with {@code wrapper.for.nullables} only messages,
 * enums and repeated fields) and tagged with its number ({@code io.confluent.connect.protobuf.Tag}); a oneof as an
 * optional struct {@code io.confluent.connect.protobuf.Union.<name>} in a field {@code <name>_<index>}; enums as
 * strings (or int32 with {@code int.for.enums}) carrying their symbols as parameters; unsigned 32-bit and all 64-bit
 * integers as int64; the well-known date, time, timestamp and decimal messages as Connect's logical types.
 * Recursive message types are refused. One instance per conversion; not thread-safe.
 */
final class ProtobufToConnectSchema {
    private final ProtobufDataOptions options;
    private final Set<String> inProgress = new HashSet<>();

    ProtobufToConnectSchema(ProtobufDataOptions options) {
        this.options = options;
    }

    Schema convert(Descriptor message, Integer version) {
        SchemaBuilder builder = struct(message);
        if (version != null) {
            builder.version(version);
        }
        return builder.build();
    }

    private SchemaBuilder struct(Descriptor message) {
        if (!inProgress.add(message.getFullName())) {
            throw new DataException("message " + message.getFullName() + " contains itself; Connect schemas cannot be recursive");
        }
        SchemaBuilder builder = SchemaBuilder.struct().name(options.enhancedSchemaSupport() ? message.getFullName() : message.getName());
        for (OneofDescriptor oneof : message.getRealOneofs()) {
            String fieldName = options.generateIndexForUnions() ? oneof.getName() + "_" + oneof.getIndex() : oneof.getName();
            SchemaBuilder union = SchemaBuilder.struct().name(UNION_PREFIX + oneof.getName()).optional();
            for (FieldDescriptor member : oneof.getFields()) {
                union.field(member.getName(), field(member));
            }
            builder.field(fieldName, union.build());
        }
        for (FieldDescriptor field : message.getFields()) {
            if (field.getRealContainingOneof() == null) {
                builder.field(field.getName(), field(field));
            }
        }
        inProgress.remove(message.getFullName());
        return builder;
    }

    private Schema field(FieldDescriptor field) {
        SchemaBuilder builder = single(field);
        if (field.isRepeated() && !field.isMapField()) {
            builder = SchemaBuilder.array(builder.optional().build()).optional();
        }
        if (isOptional(field, builder)) {
            builder.optional();
        }
        builder.parameter(TAG, String.valueOf(field.getNumber()));
        return builder.build();
    }

    private boolean isOptional(FieldDescriptor field, SchemaBuilder builder) {
        if (builder.isOptional()) {
            return true;
        }
        if (options.optionalForNullables()) {
            return field.hasPresence() || field.isRepeated();
        }
        return !options.wrapperForNullables();
    }

    private SchemaBuilder single(FieldDescriptor field) {
        if (field.isMapField()) {
            Descriptor entry = field.getMessageType();
            return SchemaBuilder.map(field(entry.findFieldByNumber(1)), field(entry.findFieldByNumber(2)));
        }
        return switch (field.getType()) {
            case INT32, SINT32, SFIXED32 -> small(field);
            case UINT32, FIXED32, INT64, UINT64, SINT64, FIXED64, SFIXED64 -> SchemaBuilder.int64();
            case FLOAT -> SchemaBuilder.float32();
            case DOUBLE -> SchemaBuilder.float64();
            case BOOL -> SchemaBuilder.bool();
            case STRING -> SchemaBuilder.string();
            case BYTES -> SchemaBuilder.bytes();
            case ENUM -> enumSchema(field.getEnumType());
            case MESSAGE, GROUP -> message(field);
        };
    }

    private static SchemaBuilder small(FieldDescriptor field) {
        String connectType = MetaOptions.params(field.getOptions()).get(CONNECT_TYPE);
        if ("int8".equals(connectType)) {
            return SchemaBuilder.int8();
        } else if ("int16".equals(connectType)) {
            return SchemaBuilder.int16();
        }
        return SchemaBuilder.int32();
    }

    private SchemaBuilder enumSchema(EnumDescriptor enumType) {
        SchemaBuilder builder = options.intForEnums() ? SchemaBuilder.int32() : SchemaBuilder.string();
        String name = options.enhancedSchemaSupport() ? enumType.getFullName() : enumType.getName();
        builder.name(name).parameter(ENUM, name);
        for (EnumValueDescriptor value : enumType.getValues()) {
            builder.parameter(ENUM_PREFIX + value.getName(), String.valueOf(value.getNumber()));
        }
        return builder.optional();
    }

    private SchemaBuilder message(FieldDescriptor field) {
        Descriptor type = field.getMessageType();
        SchemaBuilder builder = switch (type.getFullName()) {
            case DECIMAL_TYPE -> decimal(field);
            case DATE_TYPE -> Date.builder();
            case TIME_TYPE -> Time.builder();
            case TIMESTAMP_TYPE -> Timestamp.builder();
            default -> options.wrapperForNullables() && isWrapper(type) ? unwrapped(type) : struct(type);
        };
        return builder.optional();
    }

    private static SchemaBuilder decimal(FieldDescriptor field) {
        Map<String, String> params = MetaOptions.params(field.getOptions());
        int scale = parseOr(params.get(SCALE), 0);
        SchemaBuilder builder = Decimal.builder(scale);
        if (params.containsKey(PRECISION)) {
            builder.parameter(CONNECT_PRECISION, params.get(PRECISION));
        }
        return builder;
    }

    private static int parseOr(String text, int fallback) {
        try {
            return text == null ? fallback : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    static boolean isWrapper(Descriptor type) {
        return type.getFile().getName().equals("google/protobuf/wrappers.proto");
    }

    private static SchemaBuilder unwrapped(Descriptor wrapper) {
        return switch (wrapper.getName()) {
            case "DoubleValue" -> SchemaBuilder.float64();
            case "FloatValue" -> SchemaBuilder.float32();
            case "Int64Value", "UInt64Value", "UInt32Value" -> SchemaBuilder.int64();
            case "Int32Value" -> SchemaBuilder.int32();
            case "BoolValue" -> SchemaBuilder.bool();
            case "StringValue" -> SchemaBuilder.string();
            case "BytesValue" -> SchemaBuilder.bytes();
            default -> throw new DataException("unknown wrapper " + wrapper.getFullName());
        };
    }
}
