package io.ferry.serde.connect;

import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.connect.data.Schema;

/** The Connect schema of each (schema id, version) the converter reads, converted once. Thread-safe. */
final class ConnectSchemasById {
    private record Key(int id, org.apache.avro.Schema avroSchema, Integer version) {
    }

    private final AvroData avroData;
    private final ConcurrentHashMap<Key, Schema> schemas = new ConcurrentHashMap<>();
    private record Last(Key key, Schema schema) {
    }

    private volatile Last last;

    ConnectSchemasById(AvroData avroData) {
        this.avroData = avroData;
    }

    Schema get(int id, org.apache.avro.Schema avroSchema, Integer version) {
        Last recent = last;
        if (recent != null && recent.key().id() == id && recent.key().avroSchema() == avroSchema
                && java.util.Objects.equals(recent.key().version(), version)) {
            return recent.schema();
        }
        Key key = new Key(id, avroSchema, version);
        Schema schema = schemas.computeIfAbsent(key, k -> avroData.toConnectSchema(k.avroSchema(), k.version()));
        last = new Last(key, schema);
        return schema;
    }
}
