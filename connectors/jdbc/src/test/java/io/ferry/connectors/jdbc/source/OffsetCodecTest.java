package io.ferry.connectors.jdbc.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.ferry.connectors.jdbc.dialect.TableId;
import org.junit.jupiter.api.Test;

class OffsetCodecTest {

    @Test
    void shouldNameATablePartitionAsConfluentProtocolOneDoes() {
        assertThat(OffsetCodec.tablePartition(new TableId("shop", "public", "orders")))
                .isEqualTo(Map.of("protocol", "1", "table", "shop.public.orders"));
        assertThat(OffsetCodec.tablePartition(new TableId("shop", null, "orders")))
                .isEqualTo(Map.of("protocol", "1", "table", "shop.orders"));
        assertThat(OffsetCodec.tablePartition(TableId.of("orders"))).isEqualTo(Map.of("protocol", "1", "table", "orders"));
    }

    @Test
    void shouldWriteATablePartitionsOffsetKeyInTheBytesConfluentsConnectorWrites() {
        // The worker stores the key as the partition's JSON in the map's iteration order; a compacted offsets topic
        // replaces a migrated offset only with a key of the same bytes.
        ByteBuffer key = new io.ferry.connect.storage.OffsetCodec().key("orders-source",
                OffsetCodec.tablePartition(new TableId("shop", "public", "orders")));
        assertThat(StandardCharsets.UTF_8.decode(key).toString())
                .isEqualTo("[\"orders-source\",{\"protocol\":\"1\",\"table\":\"shop.public.orders\"}]");
    }

    @Test
    void shouldNameTheQueryPartitionAsConfluentDoes() {
        assertThat(OffsetCodec.queryPartition()).isEqualTo(Map.of("query", "query"));
    }

    @Test
    void shouldLookForOlderPartitionShapesAfterTheCurrentOne() {
        assertThat(OffsetCodec.tablePartitionsToRead(new TableId("shop", "public", "orders"))).containsExactly(
                Map.of("protocol", "1", "table", "shop.public.orders"),
                Map.of("protocol", "1", "table", "public.orders"),
                Map.of("table", "orders"));
        assertThat(OffsetCodec.tablePartitionsToRead(new TableId("shop", null, "orders"))).containsExactly(
                Map.of("protocol", "1", "table", "shop.orders"), Map.of("table", "orders"));
    }

    @Test
    void shouldWriteMillisAndTheWholeNanosOfTheSecondLikeConfluent() {
        Instant timestamp = Instant.parse("2024-05-01T10:00:00.123456789Z");
        Map<String, Object> encoded = OffsetCodec.encode(new SourceOffset(42L, timestamp));
        assertThat(encoded).isEqualTo(Map.of("incrementing", 42L, "timestamp", timestamp.toEpochMilli(),
                "timestamp_nanos", 123_456_789L));
    }

    @Test
    void shouldReadBackMicrosecondsExactly() {
        Instant timestamp = Instant.parse("2024-05-01T10:00:00.000001Z");
        assertThat(OffsetCodec.decode(OffsetCodec.encode(new SourceOffset(null, timestamp))))
                .isEqualTo(new SourceOffset(null, timestamp));
    }

    @Test
    void shouldReadTimestampsBeforeTheEpoch() {
        Instant timestamp = Instant.parse("1969-12-31T23:59:59.250001Z");
        assertThat(OffsetCodec.decode(OffsetCodec.encode(new SourceOffset(null, timestamp))).timestamp()).isEqualTo(timestamp);
    }

    @Test
    void shouldReadNumbersOfAnyTypeAsAJsonStoreReturnsThem() {
        SourceOffset offset = OffsetCodec.decode(Map.of("incrementing", 7, "timestamp", 1000, "timestamp_nanos", 5_000_000));
        assertThat(offset).isEqualTo(new SourceOffset(7L, Instant.ofEpochSecond(1, 5_000_000)));
    }

    @Test
    void shouldReadAConfluentOffsetWithoutNanos() {
        assertThat(OffsetCodec.decode(Map.of("timestamp", 1500L)).timestamp()).isEqualTo(Instant.ofEpochMilli(1500));
    }

    @Test
    void shouldWriteNothingForBulkAndReadNothingFromNull() {
        assertThat(OffsetCodec.encode(SourceOffset.NONE)).isEmpty();
        assertThat(OffsetCodec.decode(null)).isEqualTo(SourceOffset.NONE);
        assertThat(List.of(OffsetCodec.encode(new SourceOffset(3L, null)))).containsExactly(Map.of("incrementing", 3L));
    }
}
