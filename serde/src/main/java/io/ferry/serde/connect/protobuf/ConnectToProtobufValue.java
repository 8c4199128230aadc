package io.ferry.serde.connect.protobuf;

import static io.ferry.serde.connect.protobuf.ProtobufConnectNames.UNION_PREFIX;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Map;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * A Connect struct as a {@link DynamicMessage} of the message type {@link ConnectToProtobufSchema} built for its
 * schema. Null fields are left unset; logical values become the well-known messages. Stateless.
 */
final class ConnectToProtobufValue {
    private final boolean scrub;

    ConnectToProtobufValue(ProtobufDataOptions options) {
        this.scrub = options.scrubInvalidNames();
    }

    /** @throws DataException when the value does not fit the schema */
    DynamicMessage message(Descriptor type, Schema schema, Struct value) {
        if (!schema.equals(value.schema())) {
            throw new DataException("struct of schema " + value.schema().name() + " given for schema " + schema.name());
        }
        DynamicMessage.Builder builder = DynamicMessage.newBuilder(type);
        for (Field field : schema.fields()) {
            Object fieldValue = value.get(field);
            if (fieldValue == null) {
                continue;
            }
            Schema fieldSchema = field.schema();
            if (fieldSchema.type() == Schema.Type.STRUCT && fieldSchema.name() != null && fieldSchema.name().startsWith(UNION_PREFIX)) {
                setUnion(builder, type, (Struct) fieldValue);
                continue;
            }
            set(builder, descriptorOf(type, field.name()), fieldSchema, fieldValue);
        }
        return builder.build();
    }

    private void setUnion(DynamicMessage.Builder builder, Descriptor type, Struct union) {
        for (Field member : union.schema().fields()) {
            Object memberValue = union.get(member);
            if (memberValue != null) {
                set(builder, descriptorOf(type, member.name()), member.schema(), memberValue);
                return;
            }
        }
    }

    private void set(DynamicMessage.Builder builder, FieldDescriptor field, Schema schema, Object value) {
        try {
            if (field.isMapField()) {
                Descriptor entry = field.getMessageType();
                for (Map.Entry<?, ?> item : ((Map<?, ?>) value).entrySet()) {
                    DynamicMessage.Builder entryBuilder = DynamicMessage.newBuilder(entry);
                    entryBuilder.setField(entry.findFieldByNumber(1), single(entry.findFieldByNumber(1), schema.keySchema(), item.getKey()));
                    if (item.getValue() != null) {
                        entryBuilder.setField(entry.findFieldByNumber(2), single(entry.findFieldByNumber(2), schema.valueSchema(), item.getValue()));
                    }
                    builder.addRepeatedField(field, entryBuilder.build());
                }
            } else if (field.isRepeated()) {
                for (Object element : (Collection<?>) value) {
                    if (element == null) {
                        throw new DataException("field " + field.getName() + ": Protobuf repeated fields cannot hold null");
                    }
                    builder.addRepeatedField(field, single(field, schema.valueSchema(), element));
                }
            } else {
                builder.setField(field, single(field, schema, value));
            }
        } catch (ClassCastException | IllegalArgumentException e) {
            throw new DataException("field " + field.getName() + ": " + value.getClass().getSimpleName() + " does not fit Connect "
                    + schema.type() + " / Protobuf " + field.getType() + ": " + e.getMessage(), e);
        }
    }

    private Object single(FieldDescriptor field, Schema schema, Object value) {
        if (schema.name() != null) {
            Object logical = logical(field, schema, value);
            if (logical != null) {
                return logical;
            }
        }
        if (field.getType() == FieldDescriptor.Type.ENUM) {
            EnumValueDescriptor symbol = value instanceof Number number ? field.getEnumType().findValueByNumber(number.intValue())
                    : field.getEnumType().findValueByName((String) value);
            if (symbol == null) {
                throw new DataException("field " + field.getName() + ": " + value + " is not a symbol of " + field.getEnumType().getFullName());
            }
            return symbol;
        }
        if (field.getType() == FieldDescriptor.Type.MESSAGE && schema.type() != Schema.Type.STRUCT) {
            // A wrapper (google.protobuf.StringValue, …) around a nullable primitive.
            Descriptor wrapper = field.getMessageType();
            FieldDescriptor inner = wrapper.findFieldByName("value");
            return DynamicMessage.newBuilder(wrapper).setField(inner, primitive(schema, value)).build();
        }
        if (schema.type() == Schema.Type.STRUCT) {
            return message(field.getMessageType(), schema, (Struct) value);
        }
        return primitive(schema, value);
    }

    private static Object primitive(Schema schema, Object value) {
        return switch (schema.type()) {
            case INT8, INT16, INT32 -> ((Number) value).intValue();
            case INT64 -> ((Number) value).longValue();
            case FLOAT32 -> ((Number) value).floatValue();
            case FLOAT64 -> ((Number) value).doubleValue();
            case BOOLEAN -> (Boolean) value;
            case STRING -> (String) value;
            case BYTES -> value instanceof byte[] bytes ? ByteString.copyFrom(bytes) : ByteString.copyFrom(((ByteBuffer) value).duplicate());
            default -> throw new DataException("no Protobuf value for Connect " + schema.type());
        };
    }

    private static Object logical(FieldDescriptor field, Schema schema, Object value) {
        switch (schema.name()) {
            case Decimal.LOGICAL_NAME -> {
                BigDecimal decimal = (BigDecimal) value;
                Descriptor type = field.getMessageType();
                return DynamicMessage.newBuilder(type)
                        .setField(type.findFieldByName("value"), ByteString.copyFrom(decimal.unscaledValue().toByteArray()))
                        .setField(type.findFieldByName("precision"), decimal.precision())
                        .setField(type.findFieldByName("scale"), decimal.scale()).build();
            }
            case Date.LOGICAL_NAME -> {
                LocalDate date = Instant.ofEpochMilli(((java.util.Date) value).getTime()).atOffset(ZoneOffset.UTC).toLocalDate();
                Descriptor type = field.getMessageType();
                return DynamicMessage.newBuilder(type).setField(type.findFieldByName("year"), date.getYear())
                        .setField(type.findFieldByName("month"), date.getMonthValue())
                        .setField(type.findFieldByName("day"), date.getDayOfMonth()).build();
            }
            case Time.LOGICAL_NAME -> {
                long millis = ((java.util.Date) value).getTime();
                if (millis < 0 || millis >= 86_400_000L) {
                    throw new DataException("field " + field.getName() + ": a Connect Time is 0 to 86399999 ms, not " + millis);
                }
                LocalTime time = LocalTime.ofNanoOfDay(millis * 1_000_000L);
                Descriptor type = field.getMessageType();
                return DynamicMessage.newBuilder(type).setField(type.findFieldByName("hours"), time.getHour())
                        .setField(type.findFieldByName("minutes"), time.getMinute())
                        .setField(type.findFieldByName("seconds"), time.getSecond())
                        .setField(type.findFieldByName("nanos"), time.getNano()).build();
            }
            case Timestamp.LOGICAL_NAME -> {
                Instant instant = Instant.ofEpochMilli(((java.util.Date) value).getTime());
                Descriptor type = field.getMessageType();
                return DynamicMessage.newBuilder(type).setField(type.findFieldByName("seconds"), instant.getEpochSecond())
                        .setField(type.findFieldByName("nanos"), instant.getNano()).build();
            }
            default -> {
                return null;
            }
        }
    }

    private FieldDescriptor descriptorOf(Descriptor type, String connectName) {
        String name = scrub ? ProtobufConnectNames.scrub(connectName) : connectName;
        FieldDescriptor field = type.findFieldByName(name);
        if (field == null) {
            throw new DataException("message " + type.getFullName() + " has no field " + name);
        }
        return field;
    }
}
