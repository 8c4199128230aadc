package io.ferry.connectors.datagen.generate;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.avro.Schema;

/**
 * The generation hints of one Avro type, read from its {@code arg.properties}: the subset of the Avro
 * random generator's hints that Confluent's datagen schemas use. Unknown hints are refused rather than
 * ignored, so a schema never silently generates something other than what it asks for.
 */
record DatagenHints(List<Object> options, Range range, Iteration iteration, Length length, String regex) {
    static final String PROPERTY = "arg.properties";
    static final Set<String> SUPPORTED = Set.of("options", "range", "iteration", "length", "regex");

    static final DatagenHints NONE = new DatagenHints(null, null, null, null, null);

    /** {@code min} inclusive, {@code max} exclusive, either may be absent. */
    record Range(Number min, Number max) {
    }

    /** Counts from {@code start} by {@code step}, going back to {@code start} before reaching {@code restart}. */
    record Iteration(Number start, Number step, Number restart) {
    }

    /** How many characters, bytes, elements or entries: from {@code min} inclusive to {@code max} exclusive. */
    record Length(int min, int max) {
        static Length exactly(int length) {
            return new Length(length, length + 1);
        }

        int draw(DatagenDraw draw) {
            return min + draw.random().nextInt(max - min);
        }
    }

    static DatagenHints of(Schema schema, String path) {
        Object raw = schema.getObjectProp(PROPERTY);
        if (raw == null) {
            return NONE;
        }
        if (!(raw instanceof Map<?, ?> properties)) {
            throw DatagenSchemaException.at(path, PROPERTY + " must be a JSON object");
        }
        Set<String> unknown = new TreeSet<>();
        properties.keySet().forEach(key -> {
            if (!SUPPORTED.contains(String.valueOf(key))) {
                unknown.add(String.valueOf(key));
            }
        });
        if (!unknown.isEmpty()) {
            throw DatagenSchemaException.at(path, "unsupported " + PROPERTY + " " + unknown + "; supported are "
                    + new TreeSet<>(SUPPORTED));
        }
        return new DatagenHints(options(properties.get("options"), path), range(properties.get("range"), path),
                iteration(properties.get("iteration"), path), length(properties.get("length"), path),
                regex(properties.get("regex"), path));
    }

    private static List<Object> options(Object raw, String path) {
        if (raw == null) {
            return null;
        }
        if (!(raw instanceof List<?> list) || list.isEmpty()) {
            throw DatagenSchemaException.at(path, "options must be a non-empty JSON array of values");
        }
        return List.copyOf(list);
    }

    private static Range range(Object raw, String path) {
        if (raw == null) {
            return null;
        }
        Map<?, ?> range = object(raw, path, "range");
        Number min = number(range.get("min"), path, "range.min");
        Number max = number(range.get("max"), path, "range.max");
        if (min == null && max == null) {
            throw DatagenSchemaException.at(path, "range needs min, max or both");
        }
        if (min != null && max != null && min.doubleValue() >= max.doubleValue()) {
            throw DatagenSchemaException.at(path, "range.min " + min + " must be below range.max " + max
                    + " (max is exclusive)");
        }
        return new Range(min, max);
    }

    private static Iteration iteration(Object raw, String path) {
        if (raw == null) {
            return null;
        }
        Map<?, ?> iteration = object(raw, path, "iteration");
        Number start = number(iteration.get("start"), path, "iteration.start");
        Number step = number(iteration.get("step"), path, "iteration.step");
        Number restart = number(iteration.get("restart"), path, "iteration.restart");
        if (start == null) {
            throw DatagenSchemaException.at(path, "iteration needs a start");
        }
        if (step != null && step.doubleValue() == 0) {
            throw DatagenSchemaException.at(path, "iteration.step must not be 0");
        }
        Number effectiveStep = step == null ? 1 : step;
        if (restart != null && Math.signum(restart.doubleValue() - start.doubleValue()) != Math.signum(effectiveStep.doubleValue())) {
            throw DatagenSchemaException.at(path, "iteration.restart " + restart + " is never reached from start "
                    + start + " by step " + effectiveStep);
        }
        return new Iteration(start, effectiveStep, restart);
    }

    private static Length length(Object raw, String path) {
        if (raw == null) {
            return null;
        }
        if (raw instanceof Number exact) {
            if (exact.intValue() < 0) {
                throw DatagenSchemaException.at(path, "length must not be negative");
            }
            return Length.exactly(exact.intValue());
        }
        Map<?, ?> length = object(raw, path, "length");
        Number min = number(length.get("min"), path, "length.min");
        Number max = number(length.get("max"), path, "length.max");
        int low = min == null ? 0 : min.intValue();
        if (max == null) {
            throw DatagenSchemaException.at(path, "length needs a max (exclusive), or a number for an exact length");
        }
        if (low < 0 || max.intValue() <= low) {
            throw DatagenSchemaException.at(path, "length.min " + low + " must be at least 0 and below length.max "
                    + max + " (max is exclusive)");
        }
        return new Length(low, max.intValue());
    }

    private static String regex(Object raw, String path) {
        if (raw == null) {
            return null;
        }
        if (!(raw instanceof String regex)) {
            throw DatagenSchemaException.at(path, "regex must be a JSON string");
        }
        return regex;
    }

    private static Map<?, ?> object(Object raw, String path, String hint) {
        if (!(raw instanceof Map<?, ?> map)) {
            throw DatagenSchemaException.at(path, hint + " must be a JSON object");
        }
        return map;
    }

    private static Number number(Object raw, String path, String hint) {
        if (raw == null || raw instanceof Number) {
            return (Number) raw;
        }
        throw DatagenSchemaException.at(path, hint + " must be a number, not " + raw);
    }

    /** Refuses the hints given here that the type at {@code path} cannot use. */
    void allowOnly(String path, String type, String... allowed) {
        Set<String> permitted = Set.of(allowed);
        check(path, type, permitted, "options", options);
        check(path, type, permitted, "range", range);
        check(path, type, permitted, "iteration", iteration);
        check(path, type, permitted, "length", length);
        check(path, type, permitted, "regex", regex);
    }

    private static void check(String path, String type, Set<String> permitted, String hint, Object value) {
        if (value != null && !permitted.contains(hint)) {
            throw DatagenSchemaException.at(path, "hint " + hint + " does not apply to type " + type);
        }
    }
}
