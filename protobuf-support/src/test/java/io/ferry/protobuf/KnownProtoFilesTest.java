package io.ferry.protobuf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.TimestampProto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The catalogue holds, for each built-in file, a descriptor and a text that name the same file. */
class KnownProtoFilesTest {

    static List<String> paths() {
        return List.copyOf(KnownProtoFiles.paths());
    }

    @Test
    void shouldHoldProtobufsOwnConfluentsAndGoogleTypeFiles() {
        assertThat(KnownProtoFiles.paths()).contains("google/protobuf/timestamp.proto", "google/protobuf/descriptor.proto",
                "google/protobuf/wrappers.proto", KnownProtoFiles.META, KnownProtoFiles.DECIMAL, KnownProtoFiles.DATE,
                KnownProtoFiles.TIME_OF_DAY);
        assertThat(KnownProtoFiles.get("google/protobuf/timestamp.proto")).as("protobuf-java's own").isSameAs(TimestampProto.getDescriptor());
        assertThat(KnownProtoFiles.contains("acme/orders.proto")).isFalse();
        assertThat(KnownProtoFiles.get("acme/orders.proto")).isNull();
        assertThat(KnownProtoFiles.text("acme/orders.proto")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("paths")
    void shouldGiveEachFileATextDeclaringItsPackageAndMessages(String path) {
        FileDescriptor file = KnownProtoFiles.descriptor(path).orElseThrow();
        String text = KnownProtoFiles.text(path).orElseThrow();

        assertThat(file.getName()).isEqualTo(path);
        assertThat(text).contains("package " + file.getPackage() + ";");
        file.getMessageTypes().forEach(message -> assertThat(text).contains("message " + message.getName() + " {"));
    }

    @Test
    void shouldDeclareConfluentsMetaOptionsOnField1088() {
        FileDescriptor meta = KnownProtoFiles.get(KnownProtoFiles.META);

        assertThat(meta.getExtensions()).extracting(FieldDescriptor::getName)
                .containsExactly("file_meta", "message_meta", "field_meta", "enum_meta", "enum_value_meta");
        assertThat(meta.getExtensions()).allSatisfy(extension ->
                assertThat(extension.getNumber()).isEqualTo(KnownProtoFiles.META_OPTION));
        assertThat(meta.findExtensionByName("field_meta").getContainingType().getFullName())
                .isEqualTo("google.protobuf.FieldOptions");
    }

    @ParameterizedTest
    @CsvSource({"name, name", "field_meta, fieldMeta", "a_b_c, aBC", "already_Camel, alreadyCamel"})
    void shouldDeriveProtocsJsonName(String name, String jsonName) {
        assertThat(ProtoNames.jsonName(name)).isEqualTo(jsonName);
    }

    @ParameterizedTest
    @CsvSource({"counts, CountsEntry", "line_items, LineItemsEntry", "_x, XEntry"})
    void shouldNameMapEntriesAsProtocDoes(String field, String entry) {
        assertThat(ProtoNames.mapEntryName(field)).isEqualTo(entry);
    }
}
