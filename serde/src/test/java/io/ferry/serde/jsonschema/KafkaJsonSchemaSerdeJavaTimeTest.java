package io.ferry.serde.jsonschema;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Date;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.ferry.serde.testing.InMemoryRegistryClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** POJOs with {@code java.time} properties go through the serializer and back as ISO 8601 strings. */
class KafkaJsonSchemaSerdeJavaTimeTest {
    /** An appointment with a property of each java.time type the serde writes as a string. */
    public record Appointment(Instant created, OffsetDateTime starts, ZonedDateTime confirmed, LocalDate day,
                              LocalDateTime wallClock, LocalTime time, Duration length, Date legacy) {
    }

    static final Appointment APPOINTMENT = new Appointment(Instant.parse("2026-11-27T10:15:30Z"),
            OffsetDateTime.of(2026, 11, 27, 10, 15, 30, 0, ZoneOffset.ofHours(2)),
            ZonedDateTime.of(2026, 11, 27, 10, 15, 30, 0, ZoneOffset.UTC),
            LocalDate.of(2026, 11, 27), LocalDateTime.of(2026, 11, 27, 10, 15, 30), LocalTime.of(10, 15, 30),
            Duration.ofMinutes(90), new Date(0));

    private final InMemoryRegistryClient registry = new InMemoryRegistryClient();

    private byte[] serialize(Object value, Object... settings) {
        KafkaJsonSchemaSerializer<Object> serializer = new KafkaJsonSchemaSerializer<>(registry);
        serializer.configure(InMemoryRegistryClient.settings(settings), false);
        return serializer.serialize("appointments", value);
    }

    private static JsonNode document(byte[] framed) throws Exception {
        return new ObjectMapper().readTree(new String(Arrays.copyOfRange(framed, 5, framed.length), StandardCharsets.UTF_8));
    }

    @Test
    void shouldWriteJavaTimeValuesAsIso8601StringsAndDatesAsEpochMillisecondsByDefault() throws Exception {
        JsonNode written = document(serialize(APPOINTMENT));

        assertThat(written.get("created").asText()).isEqualTo("2026-11-27T10:15:30Z");
        assertThat(written.get("starts").asText()).isEqualTo("2026-11-27T10:15:30+02:00");
        assertThat(written.get("confirmed").asText()).isEqualTo("2026-11-27T10:15:30Z");
        assertThat(written.get("day").asText()).isEqualTo("2026-11-27");
        assertThat(written.get("wallClock").asText()).isEqualTo("2026-11-27T10:15:30");
        assertThat(written.get("time").asText()).isEqualTo("10:15:30");
        assertThat(written.get("length").asText()).isEqualTo("PT1H30M");
        assertThat(written.get("legacy").isIntegralNumber()).as("java.util.Date keeps epoch milliseconds").isTrue();
    }

    @Test
    void shouldWriteJavaUtilDatesAsStringsOnlyWithTheIso8601Setting() throws Exception {
        JsonNode written = document(serialize(APPOINTMENT, "json.write.dates.iso8601", "true"));

        assertThat(written.get("legacy").isTextual()).isTrue();
        assertThat(written.get("created").asText()).isEqualTo("2026-11-27T10:15:30Z");
    }

    @ParameterizedTest(name = "{0}, iso8601 dates {1}")
    @CsvSource({"draft_4, false", "draft_7, false", "draft_7, true", "draft_2019_09, false", "draft_2020_12, true"})
    void shouldReadBackWhatItWroteValidAgainstItsOwnDerivedSchema(String spec, boolean isoDates) {
        byte[] framed = serialize(APPOINTMENT, "json.fail.invalid.schema", "true", "json.schema.spec.version", spec,
                "json.write.dates.iso8601", String.valueOf(isoDates));
        KafkaJsonSchemaDeserializer<Appointment> deserializer = new KafkaJsonSchemaDeserializer<>(registry);
        deserializer.configure(InMemoryRegistryClient.settings("json.value.type", Appointment.class.getName(),
                "json.fail.invalid.schema", "true"), false);

        assertThat(deserializer.deserialize("appointments", framed)).isEqualTo(APPOINTMENT);
    }

    @Test
    void shouldReadJavaTimeValuesWrittenAsTimestampsAsConfluentsSerializerWritesThemByDefault() throws Exception {
        Appointment inUtc = new Appointment(APPOINTMENT.created(), APPOINTMENT.starts().withOffsetSameInstant(ZoneOffset.UTC),
                APPOINTMENT.confirmed(), APPOINTMENT.day(), APPOINTMENT.wallClock(), APPOINTMENT.time(), APPOINTMENT.length(),
                APPOINTMENT.legacy());
        JsonNode timestamps = new ObjectMapper().registerModule(new JavaTimeModule()).valueToTree(inUtc);
        assertThat(timestamps.get("day").isArray()).as("LocalDate as [year, month, day]").isTrue();
        byte[] framed = serialize(JsonSchemaValue.of("{\"type\":\"object\"}", timestamps));
        KafkaJsonSchemaDeserializer<Appointment> deserializer = new KafkaJsonSchemaDeserializer<>(registry);
        deserializer.configure(InMemoryRegistryClient.settings("json.value.type", Appointment.class.getName()), false);

        assertThat(deserializer.deserialize("appointments", framed)).isEqualTo(inUtc);
    }

    @Test
    void shouldWriteAndReadAbsentJavaTimeValuesAsNull() {
        Appointment empty = new Appointment(null, null, null, null, null, null, null, null);
        byte[] framed = serialize(empty, "json.fail.invalid.schema", "true");
        KafkaJsonSchemaDeserializer<Appointment> deserializer = new KafkaJsonSchemaDeserializer<>(registry);
        deserializer.configure(InMemoryRegistryClient.settings("json.value.type", Appointment.class.getName()), false);

        assertThat(deserializer.deserialize("appointments", framed)).isEqualTo(empty);
    }
}
