package io.ferry.connect.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Retention;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.apache.kafka.connect.file.FileStreamSourceConnector;
import org.apache.kafka.connect.source.SourceConnector;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.StringConverter;
import org.apache.kafka.connect.transforms.Cast;
import org.apache.kafka.connect.transforms.Transformation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Class file headers read from real class files: what the scan knows about a class without loading it. */
class ClassHeaderTest {

    static Stream<Class<?>> classes() {
        return Stream.of(FileStreamSourceConnector.class, SourceConnector.class, Converter.class,
                StringConverter.class, Cast.Key.class, Transformation.class, Retention.class, Thread.State.class,
                Long.class, Double.class, Object.class, ClassHeaderTest.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("classes")
    void shouldReadWhatReflectionSaysAboutTheClass(Class<?> type) throws IOException {
        ClassHeader header = ClassHeader.parse(bytesOf(type));

        assertThat(header.name()).isEqualTo(type.getName());
        // An interface's class file names Object as its superclass; reflection answers null.
        String superName = type.isInterface() ? "java.lang.Object"
                : type.getSuperclass() == null ? null : type.getSuperclass().getName();
        assertThat(header.superName()).isEqualTo(superName);
        assertThat(header.interfaces()).isEqualTo(Arrays.stream(type.getInterfaces()).map(Class::getName).toList());
        boolean publicConcrete = Modifier.isPublic(type.getModifiers()) && !Modifier.isAbstract(type.getModifiers())
                && !type.isInterface() && !type.isEnum();
        assertThat(header.isPublicConcreteClass()).isEqualTo(publicConcrete);
    }

    @Test
    void shouldListTheSuperclassBeforeTheInterfaces() throws IOException {
        ClassHeader header = ClassHeader.parse(bytesOf(StringConverter.class));

        assertThat(header.supertypes()).containsExactly("java.lang.Object",
                "org.apache.kafka.connect.storage.Converter", "org.apache.kafka.connect.storage.HeaderConverter");
    }

    @Test
    void shouldRefuseBytesThatAreNotAClassFile() {
        assertThatThrownBy(() -> ClassHeader.parse("PK\u0003\u0004 not a class".getBytes()))
                .isInstanceOf(IOException.class).hasMessageContaining("not a class file");
    }

    @Test
    void shouldRefuseATruncatedClassFile() throws IOException {
        byte[] whole = bytesOf(FileStreamSourceConnector.class);

        for (int length : List.of(4, 9, 40, 200)) {
            assertThatThrownBy(() -> ClassHeader.parse(Arrays.copyOf(whole, length)))
                    .as("cut at %d bytes", length).isInstanceOf(IOException.class);
        }
    }

    private static byte[] bytesOf(Class<?> type) throws IOException {
        String resource = "/" + type.getName().replace('.', '/') + ".class";
        try (InputStream in = type.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return in.readAllBytes();
        }
    }
}
