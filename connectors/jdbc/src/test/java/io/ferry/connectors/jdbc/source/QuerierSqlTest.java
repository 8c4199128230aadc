package io.ferry.connectors.jdbc.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.ferry.connectors.jdbc.dialect.JdbcDialect;
import io.ferry.connectors.jdbc.dialect.JdbcDialects;
import org.junit.jupiter.api.Test;

/** The SQL each mode's querier runs, as PostgreSQL receives it. */
class QuerierSqlTest {
    private static final JdbcDialect POSTGRES = JdbcDialects.forUrl("jdbc:postgresql://127.0.0.1:5432/test");
    private static final String TABLE = "SELECT * FROM \"shop\".\"public\".\"orders\"";
    private static final Instant T = Instant.parse("2024-05-01T10:00:00.000001Z");

    private static String sql(Criteria criteria, String base, String suffix, boolean quote) {
        Querier.Settings settings = new Querier.Settings(POSTGRES, new SqlNames(POSTGRES, quote), null, null, suffix, 100,
                Duration.ofSeconds(5), Clock.systemUTC());
        return new Querier(new Querier.Target(base, "table", "orders", "t", Map.of()), criteria, settings).sql();
    }

    private static ModeColumns columns(String incrementing, String... timestamps) {
        return new ModeColumns(incrementing, List.of(timestamps));
    }

    @Test
    void shouldReadTheWholeTableInBulkMode() {
        assertThat(sql(new BulkCriteria(), TABLE, "", true)).isEqualTo(TABLE);
    }

    @Test
    void shouldReadAboveTheStoredIdInIncrementingMode() {
        Criteria criteria = new IncrementingCriteria(columns("id"), Duration.ofSeconds(30), Clock.systemUTC(), new SourceOffset(7L, null));
        assertThat(sql(criteria, TABLE, "", true)).isEqualTo(TABLE + " WHERE \"id\" > ? ORDER BY \"id\" ASC");
    }

    @Test
    void shouldBoundTimestampModeByTheDelayedDatabaseClock() {
        Criteria criteria = new TimestampCriteria(columns(null, "updated_at", "created_at"), Duration.ofSeconds(10),
                new SourceOffset(null, T), false);
        criteria.begin(T.plusSeconds(60));
        String ts = "COALESCE(\"updated_at\", \"created_at\")";
        assertThat(sql(criteria, TABLE, "", true))
                .isEqualTo(TABLE + " WHERE " + ts + " > ? AND " + ts + " <= ? ORDER BY " + ts + " ASC");
    }

    @Test
    void shouldOrderByTimestampThenIdInTimestampIncrementingMode() {
        Criteria criteria = new TimestampIncrementingCriteria(columns("id", "ts"), Duration.ZERO, new SourceOffset(3L, T), false);
        criteria.begin(T);
        assertThat(sql(criteria, TABLE, "", true)).isEqualTo(TABLE
                + " WHERE \"ts\" <= ? AND ((\"ts\" = ? AND \"id\" > ?) OR \"ts\" > ?) ORDER BY \"ts\" ASC, \"id\" ASC");
    }

    @Test
    void shouldWrapACustomQuerySoItsOwnWhereClauseStaysAndAppendTheSuffix() {
        Criteria criteria = new IncrementingCriteria(columns("id"), Duration.ZERO, Clock.systemUTC(), new SourceOffset(1L, null));
        String base = "SELECT * FROM (SELECT id FROM a WHERE x = 1) ferry_query";
        assertThat(sql(criteria, base, "FOR SHARE", false)).isEqualTo(base + " WHERE id > ? ORDER BY id ASC FOR SHARE");
    }
}
