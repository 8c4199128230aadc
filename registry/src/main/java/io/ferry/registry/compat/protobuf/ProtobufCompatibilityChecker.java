package io.ferry.registry.compat.protobuf;

import java.util.List;

import io.ferry.registry.compat.CompatibilityChecker;
import io.ferry.registry.compat.CompatibilityLevel;
import io.ferry.registry.compat.CompatibilityLevelRunner;
import io.ferry.registry.compat.CompatibilityResult;
import io.ferry.registry.compat.Incompatibility;
import io.ferry.registry.compat.SchemaRole;
import io.ferry.registry.compat.VersionedSchema;
import io.ferry.registry.schema.ParsedSchema;
import io.ferry.registry.schema.SchemaType;
import io.ferry.registry.schema.protobuf.ProtobufSchemaDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Protobuf compatibility as Confluent Schema Registry decides it: the file data was written with is compared
 * with the file that reads it, element by element (package, messages by name, fields by number, oneofs by
 * name, enums, and the message types fields refer to, through imported files too); each difference has a
 * {@link ProtobufChange kind}, and the kinds a reader cannot survive are the problems, each described as
 * Confluent Schema Registry describes it. Stateless and thread-safe.
 *
 * <p>The schemas it checks must be {@link ProtobufSchemaDocument}s.
 */
public final class ProtobufCompatibilityChecker implements CompatibilityChecker {

    private static final Logger log = LoggerFactory.getLogger(ProtobufCompatibilityChecker.class);

    private final CompatibilityLevelRunner runner =
            new CompatibilityLevelRunner(SchemaType.PROTOBUF, ProtobufCompatibilityChecker::problems);

    @Override
    public SchemaType type() {
        return SchemaType.PROTOBUF;
    }

    @Override
    public CompatibilityResult check(ParsedSchema candidate, List<VersionedSchema> previousOldestFirst,
            CompatibilityLevel level) {
        return runner.run(candidate, previousOldestFirst, level);
    }

    private static List<Incompatibility> problems(ParsedSchema reader, ParsedSchema writer, SchemaRole readerRole) {
        ProtobufTypeIndex writerTypes = new ProtobufTypeIndex(document(writer));
        ProtobufTypeIndex readerTypes = new ProtobufTypeIndex(document(reader));
        try {
            return ProtobufFileDiff.compare(writerTypes, readerTypes).stream()
                    .filter(difference -> !difference.change().compatible())
                    .map(difference -> difference.toIncompatibility(readerRole))
                    .toList();
        } catch (RuntimeException e) {
            // Reported as a problem rather than thrown, so the client learns why, as Confluent does.
            log.warn("Protobuf compatibility check failed unexpectedly", e);
            return List.of(Incompatibility.plain(Incompatibility.UNEXPECTED_ERROR,
                    "Unexpected exception during compatibility check: " + e.getMessage()));
        }
    }

    private static ProtobufSchemaDocument document(ParsedSchema schema) {
        if (schema instanceof ProtobufSchemaDocument document) {
            return document;
        }
        throw new IllegalArgumentException("A Protobuf schema must be a ProtobufSchemaDocument, not "
                + schema.getClass().getName());
    }
}
