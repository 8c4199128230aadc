package io.ferry.bench.serde;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import io.ferry.registry.server.RegistryServer;
import io.ferry.registry.server.RegistryServerConfig;
import io.ferry.serde.connect.AvroData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;

/**
 * The record every serde benchmark writes: an order of twelve fields (numbers, strings, an optional
 * field, a decimal, a timestamp, an array and a map), as Connect data and as the equivalent Avro record.
 */
final class BenchRecords {
    static final Schema ORDER = SchemaBuilder.struct().name("com.acme.bench.Order").version(1)
            .field("id", Schema.INT64_SCHEMA)
            .field("customer", Schema.STRING_SCHEMA)
            .field("item", Schema.STRING_SCHEMA)
            .field("quantity", Schema.INT32_SCHEMA)
            .field("unitPrice", Schema.FLOAT64_SCHEMA)
            .field("paid", Schema.BOOLEAN_SCHEMA)
            .field("note", Schema.OPTIONAL_STRING_SCHEMA)
            .field("coupon", Schema.OPTIONAL_STRING_SCHEMA)
            .field("total", Decimal.schema(2))
            .field("placedAt", Timestamp.SCHEMA)
            .field("tags", SchemaBuilder.array(Schema.STRING_SCHEMA).build())
            .field("attributes", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.STRING_SCHEMA).build())
            .build();

    private BenchRecords() {
    }

    static Struct order(long id) {
        return new Struct(ORDER)
                .put("id", id).put("customer", "customer-" + (id % 1000)).put("item", "Stainless steel water bottle, 750 ml")
                .put("quantity", 3).put("unitPrice", 12.49).put("paid", true).put("note", "leave at the door").put("coupon", null)
                .put("total", new BigDecimal("37.47")).put("placedAt", new java.util.Date(1_700_000_000_000L + id))
                .put("tags", List.of("kitchen", "outdoor")).put("attributes", Map.of("color", "blue", "gift", "no"));
    }

    /** The same order as Avro generic data of the converter's Avro schema. */
    static GenericRecord avroOrder(AvroData avroData, long id) {
        return (GenericRecord) avroData.fromConnectData(ORDER, order(id));
    }

    /** A Ferry registry on a local log in a temporary directory, on a free loopback port. */
    static RegistryServer startRegistry() throws Exception {
        return RegistryServer.start(RegistryServerConfig.local("127.0.0.1", 0, Files.createTempDirectory("ferry-bench-registry-")),
                "bench");
    }
}
