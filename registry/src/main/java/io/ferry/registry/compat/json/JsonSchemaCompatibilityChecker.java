package io.ferry.registry.compat.json;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.ferry.registry.compat.CompatibilityChecker;
import io.ferry.registry.compat.CompatibilityLevel;
import io.ferry.registry.compat.CompatibilityLevelRunner;
import io.ferry.registry.compat.CompatibilityPolicy;
import io.ferry.registry.compat.CompatibilityResult;
import io.ferry.registry.compat.Incompatibility;
import io.ferry.registry.compat.SchemaRole;
import io.ferry.registry.compat.VersionedSchema;
import io.ferry.registry.schema.ParsedSchema;
import io.ferry.registry.schema.SchemaType;
import io.ferry.registry.schema.json.JsonSchemaDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON Schema compatibility as Confluent Schema Registry decides it: the writer's schema and the reader's
 * are compared keyword by keyword, following {@code $ref} within a document and into referenced documents;
 * every difference the {@link JsonCompatibilityPolicy policy} does not tolerate is a problem, described as
 * Confluent Schema Registry describes it ({@code {errorType:"...", description:"..."}}, located by a JSON
 * path such as {@code #/properties/foo}). Schemas must implement {@link JsonSchemaDocument}. Stateless and
 * thread-safe.
 */
public final class JsonSchemaCompatibilityChecker implements CompatibilityChecker {

    private static final Logger log = LoggerFactory.getLogger(JsonSchemaCompatibilityChecker.class);

    private final JsonCompatibilityPolicy policy;
    /** A runner per policy, so a subject's policy picks one per check without building anything. */
    private final Map<JsonCompatibilityPolicy, CompatibilityLevelRunner> runners = new EnumMap<>(JsonCompatibilityPolicy.class);

    /** A checker under the {@link JsonCompatibilityPolicy#STRICT strict} policy, Confluent's default. */
    public JsonSchemaCompatibilityChecker() {
        this(JsonCompatibilityPolicy.STRICT);
    }

    public JsonSchemaCompatibilityChecker(JsonCompatibilityPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        for (JsonCompatibilityPolicy each : JsonCompatibilityPolicy.values()) {
            runners.put(each, new CompatibilityLevelRunner(SchemaType.JSON,
                    (reader, writer, readerRole) -> problems(each, reader, writer, readerRole)));
        }
    }

    @Override
    public SchemaType type() {
        return SchemaType.JSON;
    }

    /** The policy this checker applies. */
    public JsonCompatibilityPolicy policy() {
        return policy;
    }

    @Override
    public CompatibilityResult check(ParsedSchema candidate, List<VersionedSchema> previousOldestFirst,
            CompatibilityLevel level) {
        return runners.get(policy).run(candidate, previousOldestFirst, level);
    }

    /** Checks under the subject's policy, which wins over the one this checker was built with. */
    @Override
    public CompatibilityResult check(ParsedSchema candidate, List<VersionedSchema> previousOldestFirst,
            CompatibilityLevel level, CompatibilityPolicy subjectPolicy) {
        return runners.get(JsonCompatibilityPolicy.of(subjectPolicy)).run(candidate, previousOldestFirst, level);
    }

    private static List<Incompatibility> problems(JsonCompatibilityPolicy policy, ParsedSchema reader,
            ParsedSchema writer, SchemaRole readerRole) {
        try {
            List<JsonDifference> differences = new SchemaComparator(policy).compare(node(writer), node(reader));
            return differences.stream()
                    .filter(difference -> !policy.tolerates(difference.type()))
                    .map(difference -> JsonDifferenceDescriptions.describe(difference, readerRole))
                    .toList();
        } catch (RuntimeException e) {
            // Reported as a problem rather than thrown, so the client learns why, as Confluent does.
            log.warn("JSON Schema compatibility check failed unexpectedly", e);
            return List.of(Incompatibility.unexpectedError(e));
        }
    }

    private static SchemaNode node(ParsedSchema schema) {
        if (!(schema instanceof JsonSchemaDocument document)) {
            throw new IllegalArgumentException("A JSON schema must be a JsonSchemaDocument, not "
                    + schema.getClass().getName());
        }
        SchemaDocument home = new SchemaDocument(document.root(), document.referencedRoots());
        return SchemaNodes.of(document.root(), home);
    }
}
