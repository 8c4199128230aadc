package io.ferry.connectors.jdbc.dialect;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Parsing and writing date/time text, and Connect's calendar encodings. */
class TemporalValuesTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "2024-07-01T12:00:00Z, 2024-07-01T12:00:00Z",
            "2024-07-01 12:00:00.123456, 2024-07-01T10:00:00.123456Z",
            "2024-07-01T12:00, 2024-07-01T10:00:00Z",
            "2024-07-01 12:00:00+05:30, 2024-07-01T06:30:00Z",
            "2024-07-01T12:00:00.5-0200, 2024-07-01T14:00:00.500Z",
            "2024-01-15, 2024-01-14T23:00:00Z"})
    void shouldParseIsoTextAsAnInstantWithZonelessTextInTheGivenZone(String text, Instant expected) {
        assertThat(TemporalValues.parseInstant(text, PARIS)).isEqualTo(expected);
    }

    @Test
    void shouldRejectTextThatIsNoDateTime() {
        assertThatThrownBy(() -> TemporalValues.parseInstant("yesterday", PARIS)).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void shouldWriteTextWithMillisecondsOrMoreDigitsWhenPresent() {
        assertThat(TemporalValues.text(LocalDateTime.parse("2024-07-01T12:00:00"))).isEqualTo("2024-07-01 12:00:00.000");
        assertThat(TemporalValues.text(LocalDateTime.parse("2024-07-01T12:00:00.123456"))).isEqualTo("2024-07-01 12:00:00.123456");
        assertThat(TemporalValues.text(LocalTime.parse("08:05:03.5"))).isEqualTo("08:05:03.500");
    }

    @Test
    void shouldConvertConnectDatesAndTimesWithoutAZone() {
        java.util.Date date = TemporalValues.connectDate(LocalDate.parse("1969-12-31"));
        assertThat(date.getTime()).isEqualTo(-86_400_000L);
        assertThat(TemporalValues.localDate(date)).isEqualTo(LocalDate.parse("1969-12-31"));
        java.util.Date time = TemporalValues.connectTime(LocalTime.parse("23:59:59.999"));
        assertThat(time.getTime()).isEqualTo(86_399_999L);
        assertThat(TemporalValues.localTime(time)).isEqualTo(LocalTime.parse("23:59:59.999"));
    }

    @Test
    void shouldKeepTheNanosecondsOfASqlTimestamp() {
        java.sql.Timestamp timestamp = java.sql.Timestamp.from(Instant.parse("2024-07-01T12:00:00.123456789Z"));
        assertThat(TemporalValues.instant(timestamp)).isEqualTo(Instant.parse("2024-07-01T12:00:00.123456789Z"));
    }

    @Test
    void shouldHandOutACalendarOfTheAskedZoneWhenTheThreadSwitchesZones() {
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        assertThat(ColumnReaders.calendar(PARIS).getTimeZone().toZoneId()).isEqualTo(PARIS);
        assertThat(ColumnReaders.calendar(tokyo).getTimeZone().toZoneId()).isEqualTo(tokyo);
        assertThat(ColumnReaders.calendar(tokyo)).isSameAs(ColumnReaders.calendar(tokyo));
        assertThat(ColumnReaders.calendar(PARIS).getTimeZone().toZoneId()).isEqualTo(PARIS);
    }
}
