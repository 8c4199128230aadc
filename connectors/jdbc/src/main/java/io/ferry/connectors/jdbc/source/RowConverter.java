package io.ferry.connectors.jdbc.source;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.ferry.connectors.jdbc.dialect.ColumnDefinition;
import io.ferry.connectors.jdbc.dialect.ColumnMapping;
import io.ferry.connectors.jdbc.dialect.JdbcDialect;
import io.ferry.connectors.jdbc.dialect.ReadOptions;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the rows of one result into Structs: one field per mapped column, named after the column,
 * optional when the column is nullable. The schema is built once from the result's metadata through
 * the dialect's mapping; {@code timestamp.granularity} then decides how timestamp fields look.
 *
 * <p>A column without a mapping fails the conversion with a message naming the source, the column and
 * its type, or is left out with a warning when {@code unmappable.column.action=skip}.
 */
final class RowConverter {
    private static final Logger LOG = LoggerFactory.getLogger(RowConverter.class);

    /** Settings of the conversion, shared by every result a task reads. */
    record Settings(JdbcDialect dialect, ReadOptions readOptions, TimestampGranularity granularity, boolean skipUnmappable) {
    }

    /** One row: its record value, and each result column's value as mapped (before the granularity). */
    record Row(Struct value, Object[] columns) {
        Object column(int index) {
            return columns[index];
        }
    }

    private final Schema schema;
    private final List<String> columnNames;
    private final int[] resultIndexes;
    private final ColumnMapping[] mappings;
    private final boolean[] timestampFields;
    private final TimestampGranularity granularity;
    private final List<String> resultLabels;
    private final Field[] fields;

    private RowConverter(Schema schema, List<String> columnNames, int[] resultIndexes, ColumnMapping[] mappings,
            boolean[] timestampFields, TimestampGranularity granularity, List<String> resultLabels) {
        this.schema = schema;
        this.fields = schema.fields().toArray(Field[]::new);
        this.resultLabels = resultLabels;
        this.columnNames = columnNames;
        this.resultIndexes = resultIndexes;
        this.mappings = mappings;
        this.timestampFields = timestampFields;
        this.granularity = granularity;
    }

    /**
     * The converter of a result.
     *
     * @param schemaName the value schema's name (the table's name), or null for a query
     * @param source     what the result comes from, for messages: a table name or "the query"
     */
    static RowConverter forResult(ResultSet result, String schemaName, String source, Settings settings)
            throws SQLException {
        ResultSetMetaData metadata = result.getMetaData();
        List<ColumnDefinition> columns = settings.dialect().describeResult(result);
        SchemaBuilder builder = SchemaBuilder.struct();
        if (schemaName != null) {
            builder.name(schemaName);
        }
        List<String> names = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        List<ColumnMapping> mappings = new ArrayList<>();
        List<Boolean> timestamps = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            ColumnDefinition column = columns.get(i);
            Optional<ColumnMapping> mapping = settings.dialect().columnMapping(column, settings.readOptions());
            if (mapping.isEmpty()) {
                String problem = unmappable(source, column);
                if (!settings.skipUnmappable()) {
                    throw new ConnectException(problem + "; set unmappable.column.action=skip to leave it out");
                }
                LOG.warn("{}: left out of the records (unmappable.column.action=skip)", problem);
                continue;
            }
            if (names.contains(column.name())) {
                throw new ConnectException(source + " has two columns named " + column.name()
                        + "; give one an alias, since a record's fields need distinct names");
            }
            boolean timestamp = Timestamp.LOGICAL_NAME.equals(mapping.get().schema().name());
            Schema fieldSchema = timestamp ? settings.granularity().schema(mapping.get().schema()) : mapping.get().schema();
            builder.field(column.name(), fieldSchema);
            names.add(column.name());
            indexes.add(i + 1);
            mappings.add(mapping.get());
            timestamps.add(timestamp);
        }
        boolean[] timestampFields = new boolean[timestamps.size()];
        for (int i = 0; i < timestampFields.length; i++) {
            timestampFields[i] = timestamps.get(i);
        }
        return new RowConverter(builder.build(), List.copyOf(names), indexes.stream().mapToInt(Integer::intValue).toArray(),
                mappings.toArray(ColumnMapping[]::new), timestampFields, settings.granularity(), labels(metadata));
    }

    private static List<String> labels(ResultSetMetaData metadata) throws SQLException {
        List<String> labels = new ArrayList<>();
        for (int i = 1; i <= metadata.getColumnCount(); i++) {
            labels.add(metadata.getColumnLabel(i));
        }
        return List.copyOf(labels);
    }

    /** How many columns the result this converter was built for had. */
    int resultColumns() {
        return resultLabels.size();
    }

    /** The label of a column (from 1) of the result this converter was built for. */
    String resultColumnLabel(int index) {
        return resultLabels.get(index - 1);
    }

    /** The words for a column the dialect cannot map. */
    static String unmappable(String source, ColumnDefinition column) {
        return source + ": column " + column.name() + " of type " + column.typeName() + " has no Connect mapping";
    }

    Schema schema() {
        return schema;
    }

    /** The field position of a column, matched exactly first and then ignoring case; -1 when absent. */
    int indexOf(String column) {
        int exact = columnNames.indexOf(column);
        if (exact >= 0) {
            return exact;
        }
        for (int i = 0; i < columnNames.size(); i++) {
            if (columnNames.get(i).equalsIgnoreCase(column)) {
                return i;
            }
        }
        return -1;
    }

    /** The field name at a position of {@link #indexOf(String)}. */
    String columnName(int index) {
        return columnNames.get(index);
    }

    /** The current row of the result. */
    Row read(ResultSet result) throws SQLException {
        Object[] values = new Object[mappings.length];
        Struct struct = new Struct(schema);
        for (int i = 0; i < mappings.length; i++) {
            Object value = mappings[i].read(result, resultIndexes[i]);
            values[i] = value;
            struct.put(fields[i], timestampFields[i] ? granularity.value((java.util.Date) value) : value);
        }
        return new Row(struct, values);
    }
}
