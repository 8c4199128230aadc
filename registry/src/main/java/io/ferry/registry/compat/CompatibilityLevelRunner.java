package io.ferry.registry.compat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import io.ferry.registry.schema.ParsedSchema;
import io.ferry.registry.schema.SchemaType;

/**
 * Applies a compatibility level with a type's {@link ReadCheck}: chooses the earlier versions to check and
 * the directions to read in, and lists the problems as Confluent Schema Registry lists them.
 */
public final class CompatibilityLevelRunner {

    private final SchemaType type;
    private final ReadCheck readCheck;

    public CompatibilityLevelRunner(SchemaType type, ReadCheck readCheck) {
        this.type = Objects.requireNonNull(type, "type");
        this.readCheck = Objects.requireNonNull(readCheck, "readCheck");
    }

    /** See {@link CompatibilityChecker#check}. */
    public CompatibilityResult run(ParsedSchema candidate, List<VersionedSchema> previousOldestFirst,
            CompatibilityLevel level) {
        Objects.requireNonNull(level, "level");
        if (candidate.type() != type) {
            throw new IllegalArgumentException("A " + type + " checker cannot check a " + candidate.type() + " schema");
        }
        for (VersionedSchema previous : versionsToCheck(previousOldestFirst, level)) {
            Findings findings = checkAgainst(candidate, previous, level);
            if (!findings.incompatibilities.isEmpty()) {
                return CompatibilityResult.incompatible(level, previous.version(), findings.incompatibilities,
                        findings.lines);
            }
        }
        return CompatibilityResult.compatible(level);
    }

    /** Newest first: every earlier version for a transitive level, else the newest alone. */
    private static List<VersionedSchema> versionsToCheck(List<VersionedSchema> oldestFirst, CompatibilityLevel level) {
        if (level == CompatibilityLevel.NONE || oldestFirst.isEmpty()) {
            return List.of();
        }
        if (!level.transitive()) {
            return List.of(oldestFirst.get(oldestFirst.size() - 1));
        }
        List<VersionedSchema> newestFirst = new ArrayList<>(oldestFirst);
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    /**
     * The forward check's problems come first; the failing version's number and text follow the problems
     * of the last direction checked, and only if that direction found any (so a {@code FULL} check that
     * fails only forward lists no old schema), as Confluent Schema Registry lists them.
     */
    private Findings checkAgainst(ParsedSchema candidate, VersionedSchema previous, CompatibilityLevel level) {
        Findings findings = new Findings();
        ParsedSchema old = previous.schema();
        if (old.type() != candidate.type()) {
            findings.add(Incompatibility.plain(Incompatibility.DIFFERENT_SCHEMA_TYPE,
                    CompatibilityMessages.DIFFERENT_SCHEMA_TYPE));
            return findings;
        }
        if (level.forward()) {
            List<Incompatibility> forward = readCheck.problems(old, candidate, SchemaRole.OLD);
            findings.addAll(forward);
            if (!level.backward()) {
                findings.describeOldVersionIf(!forward.isEmpty(), previous);
            }
        }
        if (level.backward()) {
            List<Incompatibility> backward = readCheck.problems(candidate, old, SchemaRole.NEW);
            findings.addAll(backward);
            findings.describeOldVersionIf(!backward.isEmpty(), previous);
        }
        return findings;
    }

    /** The problems found against one earlier version, and the message lines for them. */
    private static final class Findings {
        private final List<Incompatibility> incompatibilities = new ArrayList<>();
        private final List<String> lines = new ArrayList<>();

        void add(Incompatibility incompatibility) {
            incompatibilities.add(incompatibility);
            lines.add(incompatibility.message());
        }

        void addAll(List<Incompatibility> found) {
            found.forEach(this::add);
        }

        void describeOldVersionIf(boolean condition, VersionedSchema previous) {
            if (condition) {
                lines.add(CompatibilityMessages.oldSchemaVersion(previous.version()));
                lines.add(CompatibilityMessages.oldSchema(previous.schema().canonicalString()));
            }
        }
    }
}
