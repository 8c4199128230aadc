package io.ferry.registry.compat;

import java.util.List;

import io.ferry.registry.schema.ParsedSchema;
import io.ferry.registry.schema.SchemaType;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Avro compatibility as Confluent Schema Registry decides it: Avro's own reader/writer resolution rules
 * ({@link SchemaCompatibility}), every problem Avro finds, each described as Confluent Schema Registry
 * describes it. Stateless and thread-safe.
 */
public final class AvroCompatibilityChecker implements CompatibilityChecker {

    private static final Logger log = LoggerFactory.getLogger(AvroCompatibilityChecker.class);

    private final CompatibilityLevelRunner runner =
            new CompatibilityLevelRunner(SchemaType.AVRO, AvroCompatibilityChecker::problems);

    @Override
    public SchemaType type() {
        return SchemaType.AVRO;
    }

    @Override
    public CompatibilityResult check(ParsedSchema candidate, List<VersionedSchema> previousOldestFirst,
            CompatibilityLevel level) {
        return runner.run(candidate, previousOldestFirst, level);
    }

    private static List<Incompatibility> problems(ParsedSchema reader, ParsedSchema writer, SchemaRole readerRole) {
        try {
            SchemaCompatibility.SchemaPairCompatibility pair = SchemaCompatibility.checkReaderWriterCompatibility(
                    (Schema) reader.rawSchema(), (Schema) writer.rawSchema());
            return pair.getResult().getIncompatibilities().stream()
                    .map(found -> AvroIncompatibilities.describe(found, readerRole))
                    .toList();
        } catch (RuntimeException e) {
            // Reported as a problem rather than thrown, so the client learns why, as Confluent does.
            log.warn("Avro compatibility check failed unexpectedly", e);
            return List.of(Incompatibility.unexpectedError(e));
        }
    }
}
