package io.ferry.connectors.datagen.generate;

/**
 * The schema cannot be generated from: invalid Avro, a hint that does not fit its type, or a construct
 * this generator does not support. The message names the field, as a path from the top record.
 */
public class DatagenSchemaException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DatagenSchemaException(String message) {
        super(message);
    }

    public DatagenSchemaException(String message, Throwable cause) {
        super(message, cause);
    }

    static DatagenSchemaException at(String path, String problem) {
        return new DatagenSchemaException("field " + path + ": " + problem);
    }
}
