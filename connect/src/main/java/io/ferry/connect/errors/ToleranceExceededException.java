package io.ferry.connect.errors;

import org.apache.kafka.connect.errors.ConnectException;

/**
 * A record failed and the connector does not tolerate errors ({@code errors.tolerance=none}); the
 * task must fail. The cause is the failure itself.
 */
public class ToleranceExceededException extends ConnectException {
    private static final long serialVersionUID = 1L;

    public ToleranceExceededException(Throwable cause) {
        super("Tolerance exceeded in error handler", cause);
    }
}
