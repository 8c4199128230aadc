package io.ferry.protobuf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.TimestampProto;
import com.google.type.Date;
import com.google.type.Money;
import com.google.type.TimeOfDay;
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

    @Test
    void shouldHoldTheSixteenGoogleTypeFilesConfluentBuildsIn() {
        assertThat(KnownProtoFiles.paths()).filteredOn(path -> path.startsWith("google/type/")).containsExactlyInAnyOrder(
                "google/type/calendar_period.proto", "google/type/color.proto", "google/type/date.proto",
                "google/type/datetime.proto", "google/type/dayofweek.proto", "google/type/decimal.proto",
                "google/type/expr.proto", "google/type/fraction.proto", "google/type/interval.proto",
                "google/type/latlng.proto", "google/type/money.proto", "google/type/month.proto",
                "google/type/phone_number.proto", "google/type/postal_address.proto", "google/type/quaternion.proto",
                "google/type/timeofday.proto");
        assertThat(KnownProtoFiles.contains("google/type/localized_text.proto")).as("not built in by Confluent").isFalse();
        assertThat(KnownProtoFiles.paths()).noneMatch(path -> path.startsWith("google/api/"));
    }

    @Test
    void shouldTakeGoogleTypeDescriptorsFromGooglesLibrary() {
        assertThat(KnownProtoFiles.get("google/type/money.proto")).isSameAs(Money.getDescriptor().getFile());
        assertThat(KnownProtoFiles.get(KnownProtoFiles.DATE)).isSameAs(Date.getDescriptor().getFile());
        assertThat(KnownProtoFiles.get(KnownProtoFiles.TIME_OF_DAY)).isSameAs(TimeOfDay.getDescriptor().getFile());
        assertThat(KnownProtoFiles.get("google/type/color.proto").getDependencies())
                .containsExactly(KnownProtoFiles.get("google/protobuf/wrappers.proto"));
    }

    @ParameterizedTest
    @MethodSource("paths")
    void shouldGiveEachFileATextDeclaringItsPackageImportsAndTypes(String path) {
        FileDescriptor file = KnownProtoFiles.descriptor(path).orElseThrow();
        String text = KnownProtoFiles.text(path).orElseThrow();

        assertThat(file.getName()).isEqualTo(path);
        assertThat(text).contains("package " + file.getPackage() + ";");
        file.getDependencies().forEach(dependency -> assertThat(text).contains("import \"" + dependency.getName() + "\";"));
        assertThat(file.getDependencies()).allSatisfy(dependency -> assertThat(KnownProtoFiles.contains(dependency.getName()))
                .as("%s imports only built-in files", path).isTrue());
        file.getMessageTypes().forEach(message -> assertThat(text).contains("message " + message.getName() + " {"));
        file.getEnumTypes().forEach(type -> assertThat(text).contains("enum " + type.getName() + " {"));
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
