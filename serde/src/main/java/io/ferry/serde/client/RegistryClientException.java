package io.ferry.serde.client;

/**
 * A registry request that failed: the registry answered with an error (HTTP status and Confluent's
 * {@code error_code}), or no registry URL could be reached.
 */
public class RegistryClientException extends RuntimeException {
    /** Status and code of a request that got no answer (connection refused, timeout, TLS failure). */
    public static final int NO_RESPONSE = -1;
    /** Confluent's code for an error body that is not the registry's JSON. */
    public static final int UNREADABLE_ERROR_BODY = 50005;
    public static final int SUBJECT_NOT_FOUND = 40401;
    public static final int VERSION_NOT_FOUND = 40402;
    public static final int SCHEMA_NOT_FOUND = 40403;
    public static final int INVALID_SCHEMA = 42201;

    private final int status;
    private final int errorCode;
    private final String registryMessage;

    public RegistryClientException(int status, int errorCode, String registryMessage, String request) {
        super(describe(status, errorCode, registryMessage, request));
        this.status = status;
        this.errorCode = errorCode;
        this.registryMessage = registryMessage;
    }

    /** A request that reached no registry. */
    public RegistryClientException(String message, Throwable cause) {
        super(message, cause);
        this.status = NO_RESPONSE;
        this.errorCode = NO_RESPONSE;
        this.registryMessage = message;
    }

    private static String describe(int status, int errorCode, String registryMessage, String request) {
        return registryMessage + " (HTTP " + status + ", error code " + errorCode + ", " + request + ")";
    }

    /** The HTTP status, or {@link #NO_RESPONSE}. */
    public int status() {
        return status;
    }

    /** The registry's {@code error_code} (for example 40401, 409, 42201), or {@link #NO_RESPONSE}. */
    public int errorCode() {
        return errorCode;
    }

    /** The registry's own message. */
    public String registryMessage() {
        return registryMessage;
    }

    /** Whether the registry refused the schema as incompatible (409; newer registries say 40901). */
    public boolean isIncompatibleSchema() {
        return status == 409 && (errorCode == 409 || errorCode == 40901);
    }

    /** Whether the request may succeed when repeated: no answer, a timeout, throttling or a server error. */
    public boolean isRetriable() {
        return isRetriableStatus(status);
    }

    static boolean isRetriableStatus(int status) {
        return status == NO_RESPONSE || status == 408 || status == 429 || status >= 500;
    }
}
