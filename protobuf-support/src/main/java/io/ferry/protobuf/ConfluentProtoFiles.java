package io.ferry.protobuf;

import java.util.LinkedHashMap;
import java.util.Map;

import com.google.protobuf.DescriptorProtos;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;

/**
 * The descriptors of Confluent's own known files, which no library on Ferry's class path carries:
 * {@code confluent/meta.proto} and {@code confluent/type/decimal.proto}, written out as {@code protoc} describes
 * them (their {@code .proto} text is a resource beside this class, see {@link KnownProtoFiles#text}).
 */
final class ConfluentProtoFiles {

    private ConfluentProtoFiles() {
    }

    /** The descriptors by import path. */
    static Map<String, FileDescriptor> build() {
        Map<String, FileDescriptor> files = new LinkedHashMap<>();
        try {
            files.put(KnownProtoFiles.META, FileDescriptor.buildFrom(meta(), new FileDescriptor[] {DescriptorProtos.getDescriptor()}));
            files.put(KnownProtoFiles.DECIMAL, FileDescriptor.buildFrom(decimal(), new FileDescriptor[0]));
        } catch (DescriptorValidationException e) {
            throw new ExceptionInInitializerError(e);
        }
        return files;
    }

    private static FileDescriptorProto meta() {
        DescriptorProto entry = DescriptorProto.newBuilder().setName("ParamsEntry")
                .addField(scalar("key", 1, FieldDescriptorProto.Type.TYPE_STRING))
                .addField(scalar("value", 2, FieldDescriptorProto.Type.TYPE_STRING))
                .setOptions(DescriptorProtos.MessageOptions.newBuilder().setMapEntry(true)).build();
        DescriptorProto meta = DescriptorProto.newBuilder().setName("Meta")
                .addField(scalar("doc", 1, FieldDescriptorProto.Type.TYPE_STRING))
                .addField(FieldDescriptorProto.newBuilder().setName("params").setNumber(2).setJsonName("params")
                        .setLabel(FieldDescriptorProto.Label.LABEL_REPEATED).setType(FieldDescriptorProto.Type.TYPE_MESSAGE)
                        .setTypeName(".confluent.Meta.ParamsEntry"))
                .addField(scalar("tags", 3, FieldDescriptorProto.Type.TYPE_STRING).toBuilder()
                        .setLabel(FieldDescriptorProto.Label.LABEL_REPEATED))
                .addNestedType(entry).build();
        FileDescriptorProto.Builder file = FileDescriptorProto.newBuilder().setName(KnownProtoFiles.META).setPackage("confluent").setSyntax("proto3")
                .addDependency("google/protobuf/descriptor.proto").addMessageType(meta)
                .setOptions(DescriptorProtos.FileOptions.newBuilder().setJavaPackage("io.confluent.protobuf")
                        .setJavaOuterClassname("MetaProto").setGoPackage("../confluent"));
        String[][] extensions = {{"file_meta", "FileOptions"}, {"message_meta", "MessageOptions"}, {"field_meta", "FieldOptions"},
                {"enum_meta", "EnumOptions"}, {"enum_value_meta", "EnumValueOptions"}};
        for (String[] extension : extensions) {
            file.addExtension(FieldDescriptorProto.newBuilder().setName(extension[0]).setNumber(KnownProtoFiles.META_OPTION)
                    .setJsonName(ProtoNames.jsonName(extension[0]))
                    .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL).setType(FieldDescriptorProto.Type.TYPE_MESSAGE)
                    .setTypeName(".confluent.Meta").setExtendee(".google.protobuf." + extension[1]));
        }
        return file.build();
    }

    private static FileDescriptorProto decimal() {
        return simpleFile(KnownProtoFiles.DECIMAL, "confluent.type", "io.confluent.protobuf.type", "DecimalProto", DescriptorProto.newBuilder()
                .setName("Decimal")
                .addField(scalar("value", 1, FieldDescriptorProto.Type.TYPE_BYTES))
                .addField(scalar("precision", 2, FieldDescriptorProto.Type.TYPE_UINT32))
                .addField(scalar("scale", 3, FieldDescriptorProto.Type.TYPE_INT32)).build());
    }

    private static FileDescriptorProto simpleFile(String name, String pkg, String javaPackage, String outerClass, DescriptorProto message) {
        return FileDescriptorProto.newBuilder().setName(name).setPackage(pkg).setSyntax("proto3").addMessageType(message)
                .setOptions(DescriptorProtos.FileOptions.newBuilder().setJavaPackage(javaPackage).setJavaOuterClassname(outerClass)
                        .setJavaMultipleFiles(true))
                .build();
    }

    private static FieldDescriptorProto scalar(String name, int number, FieldDescriptorProto.Type type) {
        return FieldDescriptorProto.newBuilder().setName(name).setNumber(number).setJsonName(ProtoNames.jsonName(name))
                .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL).setType(type).build();
    }

}
