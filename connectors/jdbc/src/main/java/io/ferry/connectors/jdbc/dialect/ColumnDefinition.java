package io.ferry.connectors.jdbc.dialect;

/**
 * A column as the database describes it.
 *
 * @param name         the column's name as stored
 * @param jdbcType     its {@link java.sql.Types} code
 * @param typeName     the database's own type name ({@code int4}, {@code jsonb}, {@code _text}, {@code DATETIME})
 * @param precision    the declared precision or length, 0 when none
 * @param scale        the declared scale, 0 when none
 * @param nullable     whether it accepts NULL (unknown counts as nullable)
 * @param autoIncrement whether the database fills it (serial, identity, AUTO_INCREMENT)
 * @param primaryKey   whether it belongs to the table's primary key (false for query results)
 * @param hasDefault   whether the column has a default value
 * @param arrayDimensions the dimensions an array column declares ({@code int4[][]}: 2) where the database
 *                     records them, else 0
 * @param element      for an array of a user-defined element type (a domain, enum or composite type), the
 *                     element type as a column of it is described (a domain as its base type, with the
 *                     domain's precision and scale); null for other columns, whose type name says the element
 */
public record ColumnDefinition(String name, int jdbcType, String typeName, int precision, int scale,
        boolean nullable, boolean autoIncrement, boolean primaryKey, boolean hasDefault, int arrayDimensions,
        ColumnDefinition element) {

    /** A column without recorded array dimensions. */
    public ColumnDefinition(String name, int jdbcType, String typeName, int precision, int scale,
            boolean nullable, boolean autoIncrement, boolean primaryKey, boolean hasDefault) {
        this(name, jdbcType, typeName, precision, scale, nullable, autoIncrement, primaryKey, hasDefault, 0, null);
    }

    /** This column with another type, as the database resolves a domain to its base type. */
    public ColumnDefinition withType(int jdbcType, String typeName, int precision, int scale) {
        return new ColumnDefinition(name, jdbcType, typeName, precision, scale, nullable, autoIncrement, primaryKey,
                hasDefault, arrayDimensions, element);
    }

    /** This column with the array dimensions the database records for it. */
    public ColumnDefinition withArrayDimensions(int dimensions) {
        return new ColumnDefinition(name, jdbcType, typeName, precision, scale, nullable, autoIncrement, primaryKey,
                hasDefault, dimensions, element);
    }

    /** This array column with its elements' type resolved from the catalog. */
    public ColumnDefinition withElement(ColumnDefinition elementType) {
        return new ColumnDefinition(name, jdbcType, typeName, precision, scale, nullable, autoIncrement, primaryKey,
                hasDefault, arrayDimensions, elementType);
    }
}
