package io.ferry.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.ferry.registry.schema.SchemaType;
import io.ferry.registry.schema.avro.AvroSchemaProvider;
import io.ferry.registry.store.RecordKey;
import io.ferry.registry.store.RecordValue;
import io.ferry.registry.store.RegistryRecord;
import io.ferry.registry.store.SchemasTopicCodec;
import io.ferry.registry.store.local.LocalFileLog;

/**
 * Writes a local registry log with many versions, as a registry would have written them: records of
 * a few fields each, spread over subjects of ten versions.
 *
 * <p>Usage: {@code LargeLogGenerator DATA_DIR VERSIONS}
 */
public final class LargeLogGenerator {

    private LargeLogGenerator() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        int versions = Integer.parseInt(args[1]);
        Files.createDirectories(dataDir);
        long started = System.nanoTime();
        AvroSchemaProvider avro = new AvroSchemaProvider();
        try (LocalFileLog log = new LocalFileLog(dataDir.resolve("schemas.log"), new SchemasTopicCodec())) {
            log.start((record, offset) -> { }, Duration.ofMinutes(1));
            List<RegistryRecord> batch = new ArrayList<>();
            for (int i = 0; i < versions; i++) {
                String subject = "subject-" + (i / 10) + "-value";
                int version = i % 10 + 1;
                String schema = "{\"type\":\"record\",\"name\":\"Record" + i + "\",\"namespace\":\"io.ferry.bench\",\"fields\":["
                        + "{\"name\":\"id\",\"type\":\"long\"},{\"name\":\"name\",\"type\":\"string\"},"
                        + "{\"name\":\"amount\",\"type\":{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":10,\"scale\":2}},"
                        + "{\"name\":\"created\",\"type\":{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}},"
                        + "{\"name\":\"note\",\"type\":[\"null\",\"string\"],\"default\":null}]}";
                // Stored as a registry stores it: in canonical form.
                String canonical = avro.parse(schema, List.of(), List.of()).canonicalString();
                batch.add(RegistryRecord.of(new RecordKey.Schema(subject, version),
                        new RecordValue.Schema(subject, version, i + 1, SchemaType.AVRO, canonical, List.of(), null, null, false)));
                // One record per batch, as registrations write them.
                log.append(batch);
                batch.clear();
            }
        }
        System.out.printf("Wrote %d versions to %s in %d ms (%d bytes)%n", versions, dataDir.resolve("schemas.log"),
                (System.nanoTime() - started) / 1_000_000, Files.size(dataDir.resolve("schemas.log")));
    }
}
