package io.ferry.connect.testplugins;

import java.util.Map;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * The exceptions {@link InventoryResource} throws and the exception mappers {@link InventoryRestExtension}
 * registers for them: a mapper of {@link ConnectException} (registered as a class), a nearer one of
 * {@link Shortage} (an instance), one of {@link Recalled}, a {@code WebApplicationException} without entity,
 * and one of {@link Jammed} that fails itself.
 */
public final class InventoryFailures {
    private InventoryFailures() {
    }

    /** Too few items: {@link ShortageMapper} answers it (and its subclass {@link Backorder}) 409. */
    public static class Shortage extends ConnectException {
        private static final long serialVersionUID = 1L;

        public Shortage(String message) {
            super(message);
        }
    }

    /** A shortage the supplier knows of; no mapper of its own, so the nearest, {@link ShortageMapper}, answers it. */
    public static final class Backorder extends Shortage {
        private static final long serialVersionUID = 1L;

        public Backorder(String message) {
            super(message);
        }
    }

    /** An item taken off sale: a {@code WebApplicationException} without entity, which {@link RecalledMapper} answers. */
    public static final class Recalled extends WebApplicationException {
        private static final long serialVersionUID = 1L;

        public Recalled(String message) {
            super(message, Response.Status.GONE);
        }
    }

    /** A failure whose mapper, {@link JammedMapper}, throws. */
    public static final class Jammed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Jammed(String message) {
            super(message);
        }
    }

    /** Any {@link ConnectException} of the extension's resources: 422 with what failed. */
    public static final class ConnectExceptionMapper implements ExceptionMapper<ConnectException> {
        @Override
        public Response toResponse(ConnectException exception) {
            return Response.status(422).entity(Map.of("mapped", "ConnectException", "message", exception.getMessage())).build();
        }
    }

    /** Through a generic base class, as mappers are often written: its type argument is resolved from the subclass. */
    public abstract static class StatusMapper<E extends Throwable> implements ExceptionMapper<E> {
        private final int status;

        protected StatusMapper(int status) {
            this.status = status;
        }

        @Override
        public Response toResponse(E exception) {
            return Response.status(status).header("X-Mapped-By", getClass().getSimpleName())
                    .entity(Map.of("mapped", exception.getClass().getSimpleName(), "message", exception.getMessage())).build();
        }
    }

    public static final class ShortageMapper extends StatusMapper<Shortage> {
        public ShortageMapper() {
            super(409);
        }
    }

    public static final class RecalledMapper extends StatusMapper<Recalled> {
        public RecalledMapper() {
            super(451);
        }
    }

    public static final class JammedMapper implements ExceptionMapper<Jammed> {
        @Override
        public Response toResponse(Jammed exception) {
            throw new IllegalStateException("The jam mapper jammed too");
        }
    }
}
