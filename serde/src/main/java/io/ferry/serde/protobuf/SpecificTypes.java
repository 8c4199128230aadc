package io.ferry.serde.protobuf;

import java.lang.reflect.Method;
import java.util.concurrent.ConcurrentHashMap;

import com.google.protobuf.DescriptorProtos.FileOptions;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Message;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The generated class a deserializer parses into: the configured one ({@code specific.protobuf.*.type}),
 * or with {@code derive.type} the one protoc generates for the writer's message type (from
 * {@code java_package}, {@code java_outer_classname} and {@code java_multiple_files}). Thread-safe.
 */
final class SpecificTypes {
    private final Class<?> configured;
    private final boolean derive;
    private final ConcurrentHashMap<String, Message.Builder> prototypes = new ConcurrentHashMap<>();

    SpecificTypes(Class<?> configured, boolean derive) {
        this.configured = configured;
        this.derive = derive;
    }

    /** Whether messages are parsed into generated classes at all. */
    boolean enabled() {
        return configured != null || derive;
    }

    /** A fresh builder of the generated class for messages of {@code type}. */
    Message.Builder builderFor(Descriptor type) {
        String className = configured != null ? configured.getName() : derivedClassName(type);
        return prototypes.computeIfAbsent(className, SpecificTypes::defaultInstance).clone();
    }

    private static Message.Builder defaultInstance(String className) {
        try {
            Class<?> type = Class.forName(className, true, classLoader());
            Method getDefault = type.getMethod("getDefaultInstance");
            return ((Message) getDefault.invoke(null)).newBuilderForType();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new SerializationException("Cannot use " + className + " as a generated Protobuf message class: " + e, e);
        }
    }

    /** The binary name protoc's Java generator gives a message type. */
    static String derivedClassName(Descriptor type) {
        FileDescriptor file = type.getFile();
        FileOptions options = file.getOptions();
        String pkg = options.hasJavaPackage() ? options.getJavaPackage() : file.getPackage();
        StringBuilder nested = new StringBuilder(type.getName());
        for (Descriptor parent = type.getContainingType(); parent != null; parent = parent.getContainingType()) {
            nested.insert(0, parent.getName() + "$");
        }
        String prefix = pkg.isEmpty() ? "" : pkg + ".";
        if (options.getJavaMultipleFiles()) {
            return prefix + nested;
        }
        return prefix + outerClassName(file) + "$" + nested;
    }

    private static String outerClassName(FileDescriptor file) {
        if (file.getOptions().hasJavaOuterClassname()) {
            return file.getOptions().getJavaOuterClassname();
        }
        String base = file.getName().substring(file.getName().lastIndexOf('/') + 1).replaceAll("\\.proto$", "");
        StringBuilder camel = new StringBuilder();
        boolean upper = true;
        for (char c : base.toCharArray()) {
            if (!Character.isLetterOrDigit(c)) {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = Character.isDigit(c);
            }
        }
        String name = camel.toString();
        boolean clash = file.getMessageTypes().stream().anyMatch(m -> m.getName().equals(name))
                || file.getEnumTypes().stream().anyMatch(e -> e.getName().equals(name));
        return clash ? name + "OuterClass" : name;
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : SpecificTypes.class.getClassLoader();
    }
}
