package io.ferry.registry.schema.protobuf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.OneofDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.squareup.wire.Syntax;
import com.squareup.wire.schema.Field;
import com.squareup.wire.schema.ProtoType;
import com.squareup.wire.schema.internal.parser.EnumElement;
import com.squareup.wire.schema.internal.parser.ExtendElement;
import com.squareup.wire.schema.internal.parser.ExtensionsElement;
import com.squareup.wire.schema.internal.parser.FieldElement;
import com.squareup.wire.schema.internal.parser.MessageElement;
import com.squareup.wire.schema.internal.parser.OneOfElement;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.ReservedElement;
import com.squareup.wire.schema.internal.parser.RpcElement;
import com.squareup.wire.schema.internal.parser.ServiceElement;
import com.squareup.wire.schema.internal.parser.TypeElement;
import io.ferry.protobuf.ProtoNames;
import io.ferry.registry.schema.InvalidSchemaException;
import kotlin.ranges.IntRange;

/**
 * Writes a parsed {@code .proto} file as a {@link FileDescriptorProto}, the way {@code protoc} describes it,
 * except that named types are left as written (protobuf-java resolves them when it builds the descriptor, see
 * {@link ProtobufDescriptors}). Map fields get their synthetic entry messages, proto3 {@code optional} fields
 * their synthetic oneofs. Standard options are kept; custom (parenthesised) options and groups are not part
 * of the descriptor, as in Confluent Schema Registry.
 */
final class ProtobufDescriptorProtos {

    private static final Map<String, FieldDescriptorProto.Type> SCALARS = Map.ofEntries(
            Map.entry("double", FieldDescriptorProto.Type.TYPE_DOUBLE),
            Map.entry("float", FieldDescriptorProto.Type.TYPE_FLOAT),
            Map.entry("int64", FieldDescriptorProto.Type.TYPE_INT64),
            Map.entry("uint64", FieldDescriptorProto.Type.TYPE_UINT64),
            Map.entry("int32", FieldDescriptorProto.Type.TYPE_INT32),
            Map.entry("fixed64", FieldDescriptorProto.Type.TYPE_FIXED64),
            Map.entry("fixed32", FieldDescriptorProto.Type.TYPE_FIXED32),
            Map.entry("bool", FieldDescriptorProto.Type.TYPE_BOOL),
            Map.entry("string", FieldDescriptorProto.Type.TYPE_STRING),
            Map.entry("bytes", FieldDescriptorProto.Type.TYPE_BYTES),
            Map.entry("uint32", FieldDescriptorProto.Type.TYPE_UINT32),
            Map.entry("sfixed32", FieldDescriptorProto.Type.TYPE_SFIXED32),
            Map.entry("sfixed64", FieldDescriptorProto.Type.TYPE_SFIXED64),
            Map.entry("sint32", FieldDescriptorProto.Type.TYPE_SINT32),
            Map.entry("sint64", FieldDescriptorProto.Type.TYPE_SINT64));

    /** Fields in the order declared: Wire keeps a message's plain fields apart from its oneofs' fields. */
    private static final Comparator<Declared> DECLARATION_ORDER = Comparator
            .comparingInt((Declared d) -> d.field().getLocation().getLine())
            .thenComparingInt(d -> d.field().getLocation().getColumn());

    private final boolean proto3;

    private ProtobufDescriptorProtos(boolean proto3) {
        this.proto3 = proto3;
    }

    /**
     * @param name the file's name in the descriptor: its import path, or {@code "default"} for a schema's own
     *             file, as Confluent Schema Registry names it
     * @throws InvalidSchemaException when a standard option has a value its type does not allow
     */
    static FileDescriptorProto write(ProtoFileElement file, String name) throws InvalidSchemaException {
        return new ProtobufDescriptorProtos(file.getSyntax() == Syntax.PROTO_3).file(file, name);
    }

    private FileDescriptorProto file(ProtoFileElement file, String name) throws InvalidSchemaException {
        FileDescriptorProto.Builder proto = FileDescriptorProto.newBuilder().setName(name);
        if (file.getPackageName() != null) {
            proto.setPackage(file.getPackageName());
        }
        if (proto3) {
            proto.setSyntax("proto3");
        }
        proto.addAllDependency(file.getImports());
        for (String publicImport : file.getPublicImports()) {
            proto.addPublicDependency(proto.getDependencyCount());
            proto.addDependency(publicImport);
        }
        for (TypeElement type : file.getTypes()) {
            if (type instanceof MessageElement message) {
                proto.addMessageType(message(message));
            } else if (type instanceof EnumElement enumType) {
                proto.addEnumType(enumType(enumType));
            }
        }
        for (ServiceElement service : file.getServices()) {
            proto.addService(service(service));
        }
        for (ExtendElement extend : file.getExtendDeclarations()) {
            proto.addAllExtension(extensions(extend));
        }
        ProtobufOptions.read(file.getOptions(), proto.getOptions()).ifPresent(proto::setOptions);
        return proto.build();
    }

    private DescriptorProto message(MessageElement message) throws InvalidSchemaException {
        DescriptorProto.Builder proto = DescriptorProto.newBuilder().setName(message.getName());
        for (TypeElement nested : message.getNestedTypes()) {
            if (nested instanceof MessageElement nestedMessage) {
                proto.addNestedType(message(nestedMessage));
            } else if (nested instanceof EnumElement nestedEnum) {
                proto.addEnumType(enumType(nestedEnum));
            }
        }
        List<Declared> fields = new ArrayList<>();
        message.getFields().forEach(field -> fields.add(new Declared(field, null)));
        for (int i = 0; i < message.getOneOfs().size(); i++) {
            OneOfElement oneOf = message.getOneOfs().get(i);
            proto.addOneofDecl(OneofDescriptorProto.newBuilder().setName(oneOf.getName()));
            for (FieldElement field : oneOf.getFields()) {
                fields.add(new Declared(field, i));
            }
        }
        fields.sort(DECLARATION_ORDER);
        for (Declared declared : fields) {
            proto.addField(field(declared, proto));
        }
        reserved(message.getReserveds(), proto::addReservedName,
                (start, last) -> proto.addReservedRangeBuilder().setStart(start).setEnd(last + 1));
        for (ExtensionsElement extensions : message.getExtensions()) {
            for (Object value : extensions.getValues()) {
                int[] range = range(value);
                proto.addExtensionRangeBuilder().setStart(range[0]).setEnd(range[1] + 1);
            }
        }
        for (ExtendElement extend : message.getExtendDeclarations()) {
            proto.addAllExtension(extensions(extend));
        }
        ProtobufOptions.read(message.getOptions(), proto.getOptions()).ifPresent(proto::setOptions);
        return proto.build();
    }

    /** A field and the index of the oneof that declares it, if one does. */
    private record Declared(FieldElement field, Integer oneofIndex) {
    }

    private FieldDescriptorProto field(Declared declared, DescriptorProto.Builder message) throws InvalidSchemaException {
        FieldElement element = declared.field();
        FieldDescriptorProto.Builder field = plainField(element);
        ProtoType type = ProtoType.get(element.getType());
        if (type.isMap()) {
            String entryName = mapEntryName(element.getName());
            message.addNestedType(mapEntry(entryName, type));
            field.setLabel(FieldDescriptorProto.Label.LABEL_REPEATED).clearType().setTypeName(entryName);
        }
        if (declared.oneofIndex() != null) {
            field.setOneofIndex(declared.oneofIndex());
        } else if (proto3 && element.getLabel() == Field.Label.OPTIONAL) {
            // proto3 optional: a synthetic oneof of its own, after the declared ones, as protoc writes it.
            field.setProto3Optional(true).setOneofIndex(message.getOneofDeclCount());
            message.addOneofDecl(OneofDescriptorProto.newBuilder().setName("_" + element.getName()));
        }
        return field.build();
    }

    private FieldDescriptorProto.Builder plainField(FieldElement element) throws InvalidSchemaException {
        FieldDescriptorProto.Builder field = FieldDescriptorProto.newBuilder()
                .setName(element.getName())
                .setNumber(element.getTag())
                .setLabel(label(element.getLabel()));
        setType(field, element.getType());
        if (element.getDefaultValue() != null) {
            field.setDefaultValue(element.getDefaultValue());
        }
        if (element.getJsonName() != null) {
            field.setJsonName(element.getJsonName());
        }
        ProtobufOptions.read(element.getOptions(), field.getOptions()).ifPresent(field::setOptions);
        return field;
    }

    private List<FieldDescriptorProto> extensions(ExtendElement extend) throws InvalidSchemaException {
        List<FieldDescriptorProto> fields = new ArrayList<>();
        for (FieldElement element : extend.getFields()) {
            fields.add(plainField(element).setExtendee(extend.getName()).build());
        }
        return fields;
    }

    private static DescriptorProto mapEntry(String name, ProtoType mapType) {
        DescriptorProto.Builder entry = DescriptorProto.newBuilder().setName(name);
        entry.getOptionsBuilder().setMapEntry(true);
        FieldDescriptorProto.Builder key = FieldDescriptorProto.newBuilder().setName("key").setNumber(1)
                .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL);
        setType(key, mapType.getKeyType().toString());
        FieldDescriptorProto.Builder value = FieldDescriptorProto.newBuilder().setName("value").setNumber(2)
                .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL);
        setType(value, mapType.getValueType().toString());
        return entry.addField(key).addField(value).build();
    }

    /** protoc's name for a map field's entry message: the field name in upper camel case, then "Entry". */
    static String mapEntryName(String fieldName) {
        return ProtoNames.mapEntryName(fieldName);
    }

    private static void setType(FieldDescriptorProto.Builder field, String type) {
        FieldDescriptorProto.Type scalar = SCALARS.get(type);
        if (scalar != null) {
            field.setType(scalar);
        } else {
            // Message or enum: protobuf-java tells which when it resolves the name.
            field.setTypeName(type);
        }
    }

    private static FieldDescriptorProto.Label label(Field.Label label) {
        if (label == Field.Label.REPEATED) {
            return FieldDescriptorProto.Label.LABEL_REPEATED;
        }
        return label == Field.Label.REQUIRED ? FieldDescriptorProto.Label.LABEL_REQUIRED
                : FieldDescriptorProto.Label.LABEL_OPTIONAL;
    }

    private static EnumDescriptorProto enumType(EnumElement element) throws InvalidSchemaException {
        EnumDescriptorProto.Builder proto = EnumDescriptorProto.newBuilder().setName(element.getName());
        for (var constant : element.getConstants()) {
            EnumValueDescriptorProto.Builder value = EnumValueDescriptorProto.newBuilder()
                    .setName(constant.getName()).setNumber(constant.getTag());
            ProtobufOptions.read(constant.getOptions(), value.getOptions()).ifPresent(value::setOptions);
            proto.addValue(value);
        }
        // Enum reserved ranges include their end, unlike message ones.
        reserved(element.getReserveds(), proto::addReservedName,
                (start, last) -> proto.addReservedRangeBuilder().setStart(start).setEnd(last));
        ProtobufOptions.read(element.getOptions(), proto.getOptions()).ifPresent(proto::setOptions);
        return proto.build();
    }

    private static ServiceDescriptorProto service(ServiceElement element) throws InvalidSchemaException {
        ServiceDescriptorProto.Builder proto = ServiceDescriptorProto.newBuilder().setName(element.getName());
        for (RpcElement rpc : element.getRpcs()) {
            MethodDescriptorProto.Builder method = MethodDescriptorProto.newBuilder()
                    .setName(rpc.getName())
                    .setInputType(rpc.getRequestType())
                    .setOutputType(rpc.getResponseType());
            if (rpc.getRequestStreaming()) {
                method.setClientStreaming(true);
            }
            if (rpc.getResponseStreaming()) {
                method.setServerStreaming(true);
            }
            ProtobufOptions.read(rpc.getOptions(), method.getOptions()).ifPresent(method::setOptions);
            proto.addMethod(method);
        }
        ProtobufOptions.read(element.getOptions(), proto.getOptions()).ifPresent(proto::setOptions);
        return proto.build();
    }

    /** Hands each reserved name and each reserved range (first and last number included) on. */
    private static void reserved(List<ReservedElement> reserveds, Consumer<String> names, BiConsumer<Integer, Integer> ranges) {
        for (ReservedElement reserved : reserveds) {
            for (Object value : reserved.getValues()) {
                if (value instanceof String name) {
                    names.accept(name);
                } else {
                    int[] range = range(value);
                    ranges.accept(range[0], range[1]);
                }
            }
        }
    }

    /** A single number or an inclusive range, as Wire parses {@code reserved} and {@code extensions}. */
    private static int[] range(Object value) {
        if (value instanceof IntRange range) {
            return new int[] {range.getFirst(), range.getLast()};
        }
        int number = (Integer) value;
        return new int[] {number, number};
    }
}
