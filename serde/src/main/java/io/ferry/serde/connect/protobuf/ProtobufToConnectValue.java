package io.ferry.serde.connect.protobuf;

import static io.ferry.serde.connect.protobuf.ProtobufConnectNames.*;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * A message as a Connect struct of the schema {@link ProtobufToConnectSchema} gave its type. Unset scalar
 * fields read as their Protobuf default (null for fields with presence under {@code optional.for.nullables});
 * unset message fields as null, or a struct of defaults with {@code generate.struct.for.nulls}. Stateless.
 */
final class ProtobufToConnectValue {
    private final ProtobufDataOptions options;

    ProtobufToConnectValue(ProtobufDataOptions options) {
        this.options = options;
    }

    Struct struct(Schema schema, Message message) {
        Struct struct = new Struct(schema);
        for (OneofDescriptor oneof : message.getDescriptorForType().getRealOneofs()) {
            if (message.hasOneof(oneof)) {
                FieldDescriptor member = message.getOneofFieldDescriptor(oneof);
                Field unionField = schema.field(options.generateIndexForUnions() ? oneof.getName() + "_" + oneof.getIndex() : oneof.getName());
                Struct union = new Struct(unionField.schema());
                union.put(member.getName(), value(union.schema().field(member.getName()).schema(), member, message.getField(member)));
                struct.put(unionField, union);
            }
        }
        for (FieldDescriptor field : message.getDescriptorForType().getFields()) {
            if (field.getRealContainingOneof() != null) {
                continue;
            }
            Field connectField = schema.field(field.getName());
            if (!field.isRepeated() && field.hasPresence() && !message.hasField(field)) {
                if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && options.generateStructForNulls()
                        && connectField.schema().type() == Schema.Type.STRUCT) {
                    struct.put(connectField, struct(connectField.schema(), DynamicMessage.getDefaultInstance(field.getMessageType())));
                } else if (field.getJavaType() != FieldDescriptor.JavaType.MESSAGE && !connectField.schema().isOptional()) {
                    struct.put(connectField, value(connectField.schema(), field, message.getField(field)));
                }
                continue;
            }
            struct.put(connectField, value(connectField.schema(), field, message.getField(field)));
        }
        return struct;
    }

    private Object value(Schema schema, FieldDescriptor field, Object value) {
        if (field.isMapField()) {
            Map<Object, Object> map = new LinkedHashMap<>();
            for (Object item : (List<?>) value) {
                Message entry = (Message) item;
                FieldDescriptor key = entry.getDescriptorForType().findFieldByNumber(1);
                FieldDescriptor val = entry.getDescriptorForType().findFieldByNumber(2);
                map.put(single(schema.keySchema(), key, entry.getField(key)), single(schema.valueSchema(), val, entry.getField(val)));
            }
            return map;
        }
        if (field.isRepeated()) {
            List<Object> list = new ArrayList<>();
            for (Object element : (List<?>) value) {
                list.add(single(schema.valueSchema(), field, element));
            }
            return list;
        }
        return single(schema, field, value);
    }

    private Object single(Schema schema, FieldDescriptor field, Object value) {
        if (schema.name() != null && value instanceof Message message) {
            switch (schema.name()) {
                case Decimal.LOGICAL_NAME -> {
                    return decimal(message);
                }
                case Date.LOGICAL_NAME -> {
                    LocalDate date = LocalDate.of(intField(message, "year"), intField(message, "month"), intField(message, "day"));
                    return new java.util.Date(date.toEpochDay() * 86_400_000L);
                }
                case Time.LOGICAL_NAME -> {
                    LocalTime time = LocalTime.of(intField(message, "hours"), intField(message, "minutes"), intField(message, "seconds"),
                            intField(message, "nanos"));
                    return new java.util.Date(time.toNanoOfDay() / 1_000_000L);
                }
                case Timestamp.LOGICAL_NAME -> {
                    long seconds = ((Number) message.getField(message.getDescriptorForType().findFieldByName("seconds"))).longValue();
                    return new java.util.Date(seconds * 1000L + intField(message, "nanos") / 1_000_000);
                }
                default -> {
                }
            }
        }
        if (value instanceof EnumValueDescriptor symbol) {
            return schema.type() == Schema.Type.INT32 ? (Object) symbol.getNumber() : symbol.getName();
        }
        if (value instanceof Message message) {
            if (schema.type() != Schema.Type.STRUCT) {
                FieldDescriptor inner = message.getDescriptorForType().findFieldByName("value");
                return primitive(schema, inner, message.getField(inner));
            }
            return struct(schema, message);
        }
        return primitive(schema, field, value);
    }

    private static Object primitive(Schema schema, FieldDescriptor field, Object value) {
        return switch (schema.type()) {
            case INT8 -> ((Number) value).byteValue();
            case INT16 -> ((Number) value).shortValue();
            case INT32 -> ((Number) value).intValue();
            // uint32 and fixed32 arrive as Integer holding the unsigned bits.
            case INT64 -> value instanceof Integer small ? Integer.toUnsignedLong(small) : ((Number) value).longValue();
            case FLOAT32 -> ((Number) value).floatValue();
            case FLOAT64 -> ((Number) value).doubleValue();
            case BOOLEAN -> (Boolean) value;
            case STRING -> value.toString();
            case BYTES -> ByteBuffer.wrap(((ByteString) value).toByteArray());
            default -> throw new DataException("field " + field.getName() + ": no Connect " + schema.type() + " for " + value);
        };
    }

    private static BigDecimal decimal(Message message) {
        ByteString bytes = (ByteString) message.getField(message.getDescriptorForType().findFieldByName("value"));
        int scale = intField(message, "scale");
        BigInteger unscaled = bytes.isEmpty() ? BigInteger.ZERO : new BigInteger(bytes.toByteArray());
        return new BigDecimal(unscaled, scale);
    }

    private static int intField(Message message, String name) {
        return ((Number) message.getField(message.getDescriptorForType().findFieldByName(name))).intValue();
    }
}
