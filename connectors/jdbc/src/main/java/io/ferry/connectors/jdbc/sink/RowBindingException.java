package io.ferry.connectors.jdbc.sink;

import java.sql.SQLException;

/**
 * One row's value could not be bound to its column (a type the column cannot hold, a schemaless value
 * that does not convert): that row alone is bad, so the writer need not bisect to find it.
 */
final class RowBindingException extends SQLException {
    private final int index;

    /**
     * @param index the row's position in the list the writer was given
     */
    RowBindingException(int index, String message, Throwable cause) {
        super(message, cause);
        this.index = index;
    }

    int index() {
        return index;
    }
}
