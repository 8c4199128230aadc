package io.ferry.registry.schema;

/**
 * Why a schema text is being parsed, which decides how strictly it is checked.
 *
 * <p>Schemas the registry already stores are parsed leniently, so that a rule tightened later (for
 * example by a newer Avro release) never makes a stored version unreadable. A schema being registered may
 * be checked more strictly; each {@link SchemaProvider} says how.
 *
 * @param isNew     the schema is a candidate for registration, not one the registry already stores
 * @param normalize the request asked for the normal form ({@code normalize=true})
 */
public record ParseOptions(boolean isNew, boolean normalize) {

    /** A schema the registry already stores. */
    public static final ParseOptions STORED = new ParseOptions(false, false);

    /** A schema being registered, as given. */
    public static final ParseOptions NEW = new ParseOptions(true, false);

    /** A schema being registered with {@code normalize=true}. */
    public static final ParseOptions NEW_NORMALIZED = new ParseOptions(true, true);
}
