package io.ferry.connectors.jdbc.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.ferry.connectors.jdbc.dialect.JdbcDialects;
import io.ferry.connectors.jdbc.dialect.TableId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The first listing of the tables against {@code table.monitoring.startup.polling.limit.ms}. */
class TableMonitorTest {
    private static final List<TableId> TABLES = List.of(TableId.of("orders"), TableId.of("users"));
    private static final Duration SLOW_INTERVAL = Duration.ofMinutes(10);

    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger changes = new AtomicInteger();
    private TableMonitor monitor;

    @AfterEach
    void close() {
        release.countDown();
        if (monitor != null) {
            monitor.close();
        }
    }

    private static TableFilter filter(String include) {
        Map<String, String> props = new HashMap<>();
        props.put("connection.url", "jdbc:postgresql://127.0.0.1:5432/test");
        props.put("mode", "bulk");
        props.put("topic.prefix", "db-");
        props.put("table.whitelist", include);
        return new TableFilter(JdbcDialects.forUrl(props.get("connection.url")), new JdbcSourceConfig(props));
    }

    private TableMonitor monitor(TableMonitor.Lister lister, String include) {
        monitor = new TableMonitor(lister, filter(include), SLOW_INTERVAL, changes::incrementAndGet, () -> { });
        return monitor;
    }

    /** A listing that answers only once the test releases it. */
    private List<TableId> slowListing() throws SQLException {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return TABLES;
    }

    @Test
    void shouldHandTheFirstListingToTheStartWhenItArrivesWithinTheLimit() throws Exception {
        var listing = monitor(() -> TABLES, "orders,missing").start("monitor", Duration.ofSeconds(10));

        assertThat(listing).isPresent();
        assertThat(listing.get().selected()).containsExactly(TableId.of("orders"));
        assertThat(listing.get().missingIncluded()).containsExactly(TableId.of("missing"));
        assertThat(monitor.tables()).containsExactly(TableId.of("orders"));
        assertThat(changes).hasValue(0);
    }

    @Test
    void shouldStartWithoutTablesAndAnnounceThemWhenTheListingArrivesAfterTheLimit() throws Exception {
        long before = System.nanoTime();
        var listing = monitor(this::slowListing, "").start("monitor", Duration.ofMillis(200));

        assertThat(listing).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(monitor.tables()).isEmpty();
        release.countDown();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(changes).hasValue(1));
        assertThat(monitor.tables()).containsExactlyElementsOf(TABLES);
    }

    @Test
    void shouldFailTheStartWhenTheFirstListingFailsWithinTheLimit() {
        TableMonitor failing = monitor(() -> {
            throw new SQLException("permission denied for schema shop", "42501");
        }, "");

        assertThatThrownBy(() -> failing.start("monitor", Duration.ofSeconds(10)))
                .isInstanceOf(SQLException.class).hasMessageContaining("permission denied for schema shop");
    }

    @Test
    void shouldKeepListingAfterAFirstListingThatFailedPastTheLimit() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        monitor = new TableMonitor(() -> {
            if (calls.incrementAndGet() == 1) {
                slowListing();
                throw new SQLException("canceling statement due to lock timeout", "55P03");
            }
            return TABLES;
        }, filter(""), Duration.ofMillis(100), changes::incrementAndGet, () -> { });

        assertThat(monitor.start("monitor", Duration.ofMillis(100))).isEmpty();
        release.countDown();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(monitor.tables()).containsExactlyElementsOf(TABLES));
        assertThat(changes).hasValue(1);
        assertThat(calls.get()).isGreaterThanOrEqualTo(2);
    }
}
