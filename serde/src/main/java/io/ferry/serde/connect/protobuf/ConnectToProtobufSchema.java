package io.ferry.serde.connect.protobuf;

import static io.ferry.serde.connect.protobuf.ProtobufConnectNames.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.protobuf.DescriptorProtos;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.OneofDescriptorProto;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.ferry.protobuf.KnownProtoFiles;
import io.ferry.protobuf.ProtoNames;
import io.ferry.serde.protobuf.MetaOptions;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * A Connect struct schema as a proto3 file with one top-level message, as Confluent's converter builds it:
 * the schema name gives package and message name ({@code ConnectDefault1} when unnamed); fields are numbered
 * in order unless their schema carries {@code io.confluent.connect.protobuf.Tag}; arrays are {@code repeated},
 * maps are map fields, structs are nested messages (a {@code io.confluent.connect.protobuf.Union.*} struct is a
 * oneof), strings with {@code io.confluent.connect.protobuf.Enum} parameters are enums, int8/int16 are int32 with a
 * {@code connect.type} parameter in {@code confluent.field_meta}, and Decimal, Date, Time and Timestamp are
 * {@code confluent.type.Decimal}, {@code google.type.Date}, {@code google.type.TimeOfDay} and
 * {@code google.protobuf.Timestamp}. Optional primitives are plain proto3 fields unless the options ask for
 * {@code optional} or wrappers. One instance per conversion; not thread-safe.
 */
final class ConnectToProtobufSchema {
    private final ProtobufDataOptions options;
    private final Set<String> imports = new LinkedHashSet<>();
    private final Set<String> defined = new HashSet<>();
    private int defaultNames;

    ConnectToProtobufSchema(ProtobufDataOptions options) {
        this.options = options;
    }

    /** @throws DataException when the schema is not a struct or has no Protobuf form (an array of arrays) */
    FileDescriptor convert(Schema schema) {
        if (schema.type() != Schema.Type.STRUCT) {
            throw new DataException("Protobuf needs a struct at the top level; got a Connect " + schema.type() + " schema");
        }
        String fullName = nameOrDefault(schema.name());
        int dot = fullName.lastIndexOf('.');
        String pkg = dot < 0 ? "" : fullName.substring(0, dot);
        String name = scrubbed(fullName.substring(dot + 1));
        String scope = pkg.isEmpty() ? "." + name : "." + pkg + "." + name;
        defined.add(scope);
        DescriptorProto message = message(name, scope, schema);
        FileDescriptorProto.Builder file = FileDescriptorProto.newBuilder().setName(fullName + ".proto").setSyntax("proto3")
                .addMessageType(message);
        if (!pkg.isEmpty()) {
            file.setPackage(pkg);
        }
        List<FileDescriptor> dependencies = new ArrayList<>();
        for (String path : imports) {
            file.addDependency(path);
            dependencies.add(KnownProtoFiles.get(path));
        }
        try {
            return FileDescriptor.buildFrom(file.build(), dependencies.toArray(FileDescriptor[]::new));
        } catch (DescriptorValidationException e) {
            throw new DataException("Connect schema " + fullName + " has no valid Protobuf form: " + e.getMessage(), e);
        }
    }

    private DescriptorProto message(String name, String scope, Schema struct) {
        DescriptorProto.Builder message = DescriptorProto.newBuilder().setName(name);
        int index = 1;
        for (Field field : struct.fields()) {
            Schema schema = field.schema();
            String fieldName = scrubbed(field.name());
            if (schema.type() == Schema.Type.STRUCT && schema.name() != null && schema.name().startsWith(UNION_PREFIX)) {
                int oneof = message.getOneofDeclCount();
                message.addOneofDecl(OneofDescriptorProto.newBuilder().setName(scrubbed(unqualified(schema.name()))));
                for (Field member : schema.fields()) {
                    Integer tag = tagOf(member.schema());
                    FieldDescriptorProto.Builder proto = field(message, scope, member.schema(), scrubbed(member.name()),
                            tag != null ? tag : index++);
                    message.addField(proto.setProto3Optional(false).setOneofIndex(oneof));
                }
                continue;
            }
            Integer tag = tagOf(schema);
            message.addField(field(message, scope, schema, fieldName, tag != null ? tag : index++));
        }
        addSyntheticOneofs(message);
        return message.build();
    }

    /** proto3 {@code optional} fields each sit in a synthetic oneof {@code _name}, declared after the real ones. */
    private static void addSyntheticOneofs(DescriptorProto.Builder message) {
        for (FieldDescriptorProto.Builder field : message.getFieldBuilderList()) {
            if (field.getProto3Optional()) {
                field.setOneofIndex(message.getOneofDeclCount());
                message.addOneofDecl(OneofDescriptorProto.newBuilder().setName("_" + field.getName()));
            }
        }
    }

    private FieldDescriptorProto.Builder field(DescriptorProto.Builder parent, String scope, Schema schema, String name, int tag) {
        FieldDescriptorProto.Builder field = FieldDescriptorProto.newBuilder().setName(name).setNumber(tag)
                .setJsonName(ProtoNames.jsonName(name)).setLabel(Label.LABEL_OPTIONAL);
        Schema element = schema;
        if (schema.type() == Schema.Type.ARRAY) {
            field.setLabel(Label.LABEL_REPEATED);
            element = schema.valueSchema();
            if (element.type() == Schema.Type.ARRAY || element.type() == Schema.Type.MAP) {
                throw new DataException("field " + name + ": Protobuf has no array of " + element.type().toString().toLowerCase()
                        + "s; wrap the inner one in a struct");
            }
        }
        Map<String, String> meta = new LinkedHashMap<>();
        setType(parent, scope, field, element, name, meta);
        boolean nullablePrimitive = schema.isOptional() && field.getLabel() != Label.LABEL_REPEATED
                && field.getType() != Type.TYPE_MESSAGE && !isEnum(element);
        if (nullablePrimitive && options.wrapperForNullables()) {
            field.setType(Type.TYPE_MESSAGE).setTypeName(".google.protobuf." + wrapperOf(element.type()));
            imports.add("google/protobuf/wrappers.proto");
        } else if (nullablePrimitive && options.optionalForNullables()) {
            field.setProto3Optional(true);
        }
        if (!meta.isEmpty()) {
            field.setOptions(DescriptorProtos.FieldOptions.newBuilder().setUnknownFields(MetaOptions.withParams(meta)));
            imports.add(KnownProtoFiles.META);
        }
        return field;
    }

    private void setType(DescriptorProto.Builder parent, String scope, FieldDescriptorProto.Builder field, Schema schema, String name,
                         Map<String, String> meta) {
        if (Decimal.LOGICAL_NAME.equals(schema.name())) {
            Map<String, String> params = schema.parameters() == null ? Map.of() : schema.parameters();
            if (params.containsKey(CONNECT_PRECISION)) {
                meta.put(PRECISION, params.get(CONNECT_PRECISION));
            }
            if (params.containsKey(Decimal.SCALE_FIELD)) {
                meta.put(SCALE, params.get(Decimal.SCALE_FIELD));
            }
            wellKnown(field, DECIMAL_TYPE, KnownProtoFiles.DECIMAL);
            return;
        } else if (Date.LOGICAL_NAME.equals(schema.name())) {
            wellKnown(field, DATE_TYPE, KnownProtoFiles.DATE);
            return;
        } else if (Time.LOGICAL_NAME.equals(schema.name())) {
            wellKnown(field, TIME_TYPE, KnownProtoFiles.TIME_OF_DAY);
            return;
        } else if (Timestamp.LOGICAL_NAME.equals(schema.name())) {
            wellKnown(field, TIMESTAMP_TYPE, "google/protobuf/timestamp.proto");
            return;
        }
        if (isEnum(schema)) {
            String enumName = scrubbed(unqualified(schema.parameters().get(ENUM)));
            if (defined.add(scope + "." + enumName)) {
                parent.addEnumType(enumType(enumName, schema.parameters()));
            }
            field.setType(Type.TYPE_ENUM).setTypeName(scope + "." + enumName);
            return;
        }
        switch (schema.type()) {
            case INT8, INT16 -> {
                meta.put(CONNECT_TYPE, schema.type().toString().toLowerCase());
                field.setType(Type.TYPE_INT32);
            }
            case INT32 -> field.setType(Type.TYPE_INT32);
            case INT64 -> field.setType(Type.TYPE_INT64);
            case FLOAT32 -> field.setType(Type.TYPE_FLOAT);
            case FLOAT64 -> field.setType(Type.TYPE_DOUBLE);
            case BOOLEAN -> field.setType(Type.TYPE_BOOL);
            case STRING -> field.setType(Type.TYPE_STRING);
            case BYTES -> field.setType(Type.TYPE_BYTES);
            case MAP -> mapField(parent, scope, field, schema, name);
            case STRUCT -> {
                String typeName = scrubbed(unqualified(nameOrDefault(schema.name())));
                if (typeName.equals(name)) {
                    typeName += "Message";
                }
                if (defined.add(scope + "." + typeName)) {
                    parent.addNestedType(message(typeName, scope + "." + typeName, schema));
                }
                field.setType(Type.TYPE_MESSAGE).setTypeName(scope + "." + typeName);
            }
            default -> throw new DataException("field " + name + ": no Protobuf type for Connect " + schema.type());
        }
    }

    private void mapField(DescriptorProto.Builder parent, String scope, FieldDescriptorProto.Builder field, Schema schema, String name) {
        String entryName = mapEntryName(name);
        // Types used by the key and value are declared beside the entry: text prints a map field as map<K, V>,
        // which has no room for nested declarations.
        DescriptorProto entry = DescriptorProto.newBuilder().setName(entryName)
                .addField(field(parent, scope, schema.keySchema(), "key", 1).setProto3Optional(false))
                .addField(field(parent, scope, schema.valueSchema(), "value", 2).setProto3Optional(false))
                .setOptions(DescriptorProtos.MessageOptions.newBuilder().setMapEntry(true)).build();
        parent.addNestedType(entry);
        field.setLabel(Label.LABEL_REPEATED).setType(Type.TYPE_MESSAGE).setTypeName(scope + "." + entryName);
    }

    private static EnumDescriptorProto enumType(String name, Map<String, String> parameters) {
        List<EnumValueDescriptorProto> values = new ArrayList<>();
        parameters.forEach((key, value) -> {
            if (key.startsWith(ENUM_PREFIX)) {
                values.add(EnumValueDescriptorProto.newBuilder().setName(key.substring(ENUM_PREFIX.length()))
                        .setNumber(Integer.parseInt(value)).build());
            }
        });
        values.sort((a, b) -> Integer.compare(a.getNumber(), b.getNumber()));
        return EnumDescriptorProto.newBuilder().setName(name).addAllValue(values).build();
    }

    private void wellKnown(FieldDescriptorProto.Builder field, String type, String path) {
        field.setType(Type.TYPE_MESSAGE).setTypeName("." + type);
        imports.add(path);
    }

    private static boolean isEnum(Schema schema) {
        return (schema.type() == Schema.Type.STRING || schema.type() == Schema.Type.INT32) && schema.parameters() != null
                && schema.parameters().containsKey(ENUM);
    }

    private static String wrapperOf(Schema.Type type) {
        return switch (type) {
            case INT8, INT16, INT32 -> "Int32Value";
            case INT64 -> "Int64Value";
            case FLOAT32 -> "FloatValue";
            case FLOAT64 -> "DoubleValue";
            case BOOLEAN -> "BoolValue";
            case STRING -> "StringValue";
            case BYTES -> "BytesValue";
            default -> throw new DataException("no wrapper for Connect " + type);
        };
    }

    private static Integer tagOf(Schema schema) {
        String tag = schema.parameters() == null ? null : schema.parameters().get(TAG);
        return tag == null ? null : Integer.valueOf(tag);
    }

    private String nameOrDefault(String name) {
        return name != null && !name.isEmpty() ? name : DEFAULT_NAME + (++defaultNames);
    }

    private String scrubbed(String name) {
        return options.scrubInvalidNames() ? scrub(name) : name;
    }
}
