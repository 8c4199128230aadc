package io.ferry.connectors.jdbc.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** SQLite's timestamp text: the text order must be the time order of values written by strftime('%f'). */
class TimestampBinderTest {
    private final TimestampBinder utc = new TimestampBinder(ZoneOffset.UTC, true);

    @Test
    void shouldWriteMillisecondsAsSqliteDoes() {
        assertThat(utc.text(Instant.parse("2024-05-01T10:00:00Z"))).isEqualTo("2024-05-01 10:00:00.000");
        assertThat(utc.text(Instant.parse("2024-05-01T10:00:00.120Z"))).isEqualTo("2024-05-01 10:00:00.120");
    }

    @Test
    void shouldKeepMicrosecondsAndNanosecondsWhenTheValueHasThem() {
        assertThat(utc.text(Instant.parse("2024-05-01T10:00:00.000001Z"))).isEqualTo("2024-05-01 10:00:00.000001");
        assertThat(utc.text(Instant.parse("2024-05-01T10:00:00.000000001Z"))).isEqualTo("2024-05-01 10:00:00.000000001");
    }

    @Test
    void shouldWriteTheLocalTimeOfTheDatabaseZone() {
        TimestampBinder paris = new TimestampBinder(ZoneId.of("Europe/Paris"), true);
        assertThat(paris.text(Instant.parse("2024-05-01T10:00:00Z"))).isEqualTo("2024-05-01 12:00:00.000");
    }

    @Test
    void shouldFormatTextForTheSqliteDialect() {
        assertThat(TimestampBinder.forDialect("SQLite", ZoneOffset.UTC).text(Instant.EPOCH)).isEqualTo("1970-01-01 00:00:00.000");
    }
}
