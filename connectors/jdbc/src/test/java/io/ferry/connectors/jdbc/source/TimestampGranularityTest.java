package io.ferry.connectors.jdbc.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;

import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

/**
 * Timestamps before the Gregorian calendar: the proleptic epoch values, never the Julian ones, in the granularities
 * that hold them; nanoseconds since 1970 in a long end before 1677.
 */
class TimestampGranularityTest {
    private static final Instant BEFORE_GREGORY = Instant.parse("1582-10-04T23:59:59.999999Z");
    private static final Instant YEAR_ONE = Instant.parse("0001-01-01T00:00:00.000001Z");

    @Test
    void shouldGiveTheProlepticEpochValueOfATimestampBeforeTheGregorianCalendar() {
        Timestamp value = Timestamp.from(BEFORE_GREGORY);
        assertThat(TimestampGranularity.CONNECT_LOGICAL.value(value)).extracting(v -> ((java.util.Date) v).getTime())
                .isEqualTo(BEFORE_GREGORY.toEpochMilli());
        assertThat(TimestampGranularity.NANOS_ISO_DATETIME_STRING.value(value)).isEqualTo("1582-10-04T23:59:59.999999Z");
    }

    @Test
    void shouldWriteYearOneAsIsoTextAndRefuseItAsNanosecondsNamingTheSetting() {
        Timestamp value = Timestamp.from(YEAR_ONE);
        assertThat(TimestampGranularity.NANOS_ISO_DATETIME_STRING.value(value)).isEqualTo("0001-01-01T00:00:00.000001Z");
        assertThat(TimestampGranularity.CONNECT_LOGICAL.value(value)).extracting(v -> ((java.util.Date) v).getTime())
                .isEqualTo(YEAR_ONE.toEpochMilli());
        assertThatThrownBy(() -> TimestampGranularity.NANOS_LONG.value(value)).isInstanceOf(DataException.class)
                .hasMessageContaining("0001-01-01T00:00:00.000001Z").hasMessageContaining("timestamp.granularity");
        assertThatThrownBy(() -> TimestampGranularity.NANOS_STRING.value(value)).isInstanceOf(DataException.class);
    }
}
