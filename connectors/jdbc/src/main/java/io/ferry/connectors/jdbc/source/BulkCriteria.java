package io.ferry.connectors.jdbc.source;

import java.sql.PreparedStatement;
import java.time.Instant;

/** {@code mode=bulk}: every poll reads the whole table; there is no offset to keep. */
final class BulkCriteria implements Criteria {

    @Override
    public boolean needsDatabaseClock() {
        return false;
    }

    @Override
    public void begin(Instant databaseNow) {
    }

    @Override
    public String where(SqlNames names) {
        return "";
    }

    @Override
    public String orderBy(SqlNames names) {
        return "";
    }

    @Override
    public void bind(PreparedStatement statement, TimestampBinder timestamps) {
    }

    @Override
    public void resolve(RowConverter converter, String source) {
    }

    @Override
    public SourceOffset accept(RowConverter.Row row, RowConverter.Row next) {
        return SourceOffset.NONE;
    }

    @Override
    public void end() {
    }

    @Override
    public SourceOffset offset() {
        return SourceOffset.NONE;
    }
}
