package io.ferry.registry.schema.protobuf;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import io.ferry.registry.schema.InvalidSchemaException;

/**
 * Builds protobuf-java {@link FileDescriptor}s for a schema's file and the files it imports. Building is how
 * a schema that parsed is checked further: every type it uses must resolve, field numbers must be unique, and
 * so on, as Confluent Schema Registry finds when it builds its descriptor.
 *
 * <p>The descriptor built is the one {@code protoc} would write: every field's type is set and every type
 * name is fully qualified ({@code .acme.Address}), so that a client can use the serialized form on its own.
 */
final class ProtobufDescriptors {

    /** The name of a schema's own file in its descriptor, as Confluent Schema Registry names it. */
    static final String MAIN_FILE_NAME = "default";

    private final Map<String, FileDescriptor> byPath = new HashMap<>();
    private final ProtobufImports imports;

    private ProtobufDescriptors(ProtobufImports imports) {
        this.imports = imports;
    }

    /**
     * The descriptor of {@code file}, named {@value #MAIN_FILE_NAME}.
     *
     * @throws InvalidSchemaException with protobuf-java's message when the file, or a file it imports, does not
     *                                make a valid descriptor (for example {@code acme.Order.customer: "Customer"
     *                                is not defined.})
     */
    static FileDescriptor build(ProtoFileElement file, ProtobufImports imports) throws InvalidSchemaException {
        ProtobufDescriptors descriptors = new ProtobufDescriptors(imports);
        // Imports come each after the files they import, so each one's dependencies are built before it.
        for (Map.Entry<String, ProtoFileElement> imported : imports.files().entrySet()) {
            String path = imported.getKey();
            FileDescriptor descriptor = imports.builtIn().contains(path)
                    ? ProtobufWellKnownTypes.descriptor(path).orElseThrow()
                    : descriptors.build(imported.getValue(), path);
            descriptors.byPath.put(path, descriptor);
        }
        return descriptors.build(file, MAIN_FILE_NAME);
    }

    private FileDescriptor build(ProtoFileElement file, String name) throws InvalidSchemaException {
        FileDescriptorProto proto = ProtobufDescriptorProtos.write(file, name);
        FileDescriptor[] dependencies = proto.getDependencyList().stream()
                .map(byPath::get)
                .toArray(FileDescriptor[]::new);
        try {
            FileDescriptor asWritten = FileDescriptor.buildFrom(proto, dependencies);
            FileDescriptorProto complete = ProtobufCustomOptions.write(file, resolved(proto, asWritten), asWritten);
            return FileDescriptor.buildFrom(complete, dependencies);
        } catch (DescriptorValidationException e) {
            String where = name.equals(MAIN_FILE_NAME) ? "" : " in \"" + name + "\"";
            throw new InvalidSchemaException(e.getMessage() + where, e);
        } catch (IllegalArgumentException e) {
            // protobuf-java rejects some invalid defaults and names this way rather than as a validation error.
            throw new InvalidSchemaException(e.getMessage(), e);
        }
    }

    /** The proto with the types protobuf-java resolved written in: each field's type and full type names. */
    private static FileDescriptorProto resolved(FileDescriptorProto proto, FileDescriptor descriptor) {
        FileDescriptorProto.Builder file = proto.toBuilder();
        for (int i = 0; i < file.getMessageTypeCount(); i++) {
            resolve(file.getMessageTypeBuilder(i), descriptor.getMessageTypes().get(i));
        }
        for (int i = 0; i < file.getExtensionCount(); i++) {
            resolve(file.getExtensionBuilder(i), descriptor.getExtensions().get(i));
        }
        for (int i = 0; i < file.getServiceCount(); i++) {
            resolve(file.getServiceBuilder(i), descriptor.getServices().get(i));
        }
        return file.build();
    }

    private static void resolve(DescriptorProto.Builder message, Descriptor descriptor) {
        for (int i = 0; i < message.getFieldCount(); i++) {
            resolve(message.getFieldBuilder(i), descriptor.getFields().get(i));
        }
        for (int i = 0; i < message.getExtensionCount(); i++) {
            resolve(message.getExtensionBuilder(i), descriptor.getExtensions().get(i));
        }
        for (int i = 0; i < message.getNestedTypeCount(); i++) {
            resolve(message.getNestedTypeBuilder(i), descriptor.getNestedTypes().get(i));
        }
    }

    private static void resolve(FieldDescriptorProto.Builder field, FieldDescriptor descriptor) {
        field.setType(descriptor.getType().toProto());
        if (descriptor.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
            field.setTypeName("." + descriptor.getMessageType().getFullName());
        } else if (descriptor.getJavaType() == FieldDescriptor.JavaType.ENUM) {
            field.setTypeName("." + descriptor.getEnumType().getFullName());
        }
        if (descriptor.isExtension()) {
            field.setExtendee("." + descriptor.getContainingType().getFullName());
        }
    }

    private static void resolve(ServiceDescriptorProto.Builder service, ServiceDescriptor descriptor) {
        List<MethodDescriptor> methods = descriptor.getMethods();
        for (int i = 0; i < service.getMethodCount(); i++) {
            MethodDescriptorProto.Builder method = service.getMethodBuilder(i);
            method.setInputType("." + methods.get(i).getInputType().getFullName());
            method.setOutputType("." + methods.get(i).getOutputType().getFullName());
        }
    }
}
