package io.ferry.connectors.jdbc.source;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ferry.connectors.jdbc.dialect.TableId;

/**
 * Source partitions and offsets in the shape Confluent's JDBC source connector stores them, so a
 * connector moved from it to Ferry (same name, same offsets topic) resumes where it stood.
 *
 * <ul>
 *   <li>a table's partition: {@code {"protocol":"1","table":"<catalog>.<schema>.<table>"}}, the parts the
 *       database names, unquoted and joined with dots (Confluent's protocol 1);</li>
 *   <li>older partitions are still read: {@code {"table":"<table>"}} (protocol 0) and protocol 1 without
 *       the catalog (older PostgreSQL drivers report no catalog, so Confluent wrote
 *       {@code public.orders} where today's driver gives {@code shop.public.orders});</li>
 *   <li>a custom query's partition: {@code {"query":"query"}};</li>
 *   <li>an offset: {@code incrementing} (long), {@code timestamp} (epoch milliseconds) and
 *       {@code timestamp_nanos} (the nanoseconds within the second, as {@link java.sql.Timestamp#getNanos()}),
 *       each present only when set.</li>
 * </ul>
 */
public final class OffsetCodec {
    static final String PROTOCOL_KEY = "protocol";
    static final String PROTOCOL_ONE = "1";
    static final String TABLE_KEY = "table";
    static final String QUERY_KEY = "query";
    static final String INCREMENTING_KEY = "incrementing";
    static final String TIMESTAMP_KEY = "timestamp";
    static final String TIMESTAMP_NANOS_KEY = "timestamp_nanos";

    private OffsetCodec() {
    }

    /**
     * The partition a table's records are written with, its keys in the order Confluent's connector writes
     * them: the offset store's key is this map's JSON in iteration order, and only a key of the same bytes
     * replaces the migrated one when the offsets topic is compacted. ({@code Map.of} would not do: its
     * iteration order changes from one JVM to the next.)
     */
    public static Map<String, String> tablePartition(TableId table) {
        Map<String, String> partition = new LinkedHashMap<>(4);
        partition.put(PROTOCOL_KEY, PROTOCOL_ONE);
        partition.put(TABLE_KEY, table.toString());
        return Collections.unmodifiableMap(partition);
    }

    /** The partition of a custom query's records. */
    public static Map<String, String> queryPartition() {
        return Map.of(QUERY_KEY, QUERY_KEY);
    }

    /**
     * The partitions a table's stored offset may be found under, newest shape first: the current
     * partition, then protocol 1 without the catalog, then protocol 0.
     */
    public static List<Map<String, String>> tablePartitionsToRead(TableId table) {
        List<Map<String, String>> partitions = new ArrayList<>();
        partitions.add(tablePartition(table));
        if (table.catalog() != null && table.schema() != null) {
            partitions.add(tablePartition(new TableId(null, table.schema(), table.table())));
        }
        partitions.add(Map.of(TABLE_KEY, table.table()));
        return partitions;
    }

    /** The offset map of an offset; empty when nothing is set (bulk mode). */
    public static Map<String, Object> encode(SourceOffset offset) {
        Map<String, Object> map = new HashMap<>(4); // room for the three keys without growing: one map per record
        if (offset.incrementing() != null) {
            map.put(INCREMENTING_KEY, offset.incrementing());
        }
        if (offset.timestamp() != null) {
            Instant timestamp = offset.timestamp();
            map.put(TIMESTAMP_KEY, timestamp.toEpochMilli());
            map.put(TIMESTAMP_NANOS_KEY, (long) timestamp.getNano());
        }
        return map;
    }

    /**
     * The offset of a stored map; {@link SourceOffset#NONE} for null. Numbers may come back as any
     * {@link Number} (a JSON offset store does not keep Java's types).
     */
    public static SourceOffset decode(Map<String, ?> map) {
        if (map == null) {
            return SourceOffset.NONE;
        }
        Long incrementing = longValue(map.get(INCREMENTING_KEY));
        Long millis = longValue(map.get(TIMESTAMP_KEY));
        Instant timestamp = null;
        if (millis != null) {
            timestamp = Instant.ofEpochMilli(millis);
            Long nanos = longValue(map.get(TIMESTAMP_NANOS_KEY));
            if (nanos != null) {
                // timestamp_nanos is the whole fraction of the second; the millis already hold its first three digits.
                timestamp = Instant.ofEpochSecond(Math.floorDiv(millis, 1000L), nanos);
            }
        }
        return new SourceOffset(incrementing, timestamp);
    }

    private static Long longValue(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number number) {
            return number.longValue();
        }
        return Long.parseLong(value.toString());
    }
}
