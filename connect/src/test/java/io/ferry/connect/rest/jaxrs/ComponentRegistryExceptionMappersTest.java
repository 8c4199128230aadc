package io.ferry.connect.rest.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.junit.jupiter.api.Test;

/** Registering exception mappers: which one answers an exception, and the errors that name a mapper Ferry cannot use. */
class ComponentRegistryExceptionMappersTest {

    /** Answers with a status of its own, so a test tells which mapper answered. */
    abstract static class Answering<E extends Throwable> implements ExceptionMapper<E> {
        private final int status;

        Answering(int status) {
            this.status = status;
        }

        @Override
        public Response toResponse(E exception) {
            return Response.status(status).build();
        }
    }

    /** A generic class between the mapper and {@link Answering}, whose variable the mapper binds. */
    abstract static class Relay<T extends Throwable> extends Answering<T> {
        Relay(int status) {
            super(status);
        }
    }

    public static final class RuntimeMapper extends Answering<RuntimeException> {
        public RuntimeMapper() {
            super(500);
        }
    }

    public static final class UncheckedIoMapper extends Relay<UncheckedIOException> {
        public UncheckedIoMapper() {
            super(503);
        }
    }

    public static final class IllegalArgumentMapper implements ExceptionMapper<IllegalArgumentException> {
        @Override
        public Response toResponse(IllegalArgumentException exception) {
            return Response.status(400).build();
        }
    }

    public static final class UrgentIllegalArgumentMapper implements ExceptionMapper<IllegalArgumentException> {
        @Override
        public Response toResponse(IllegalArgumentException exception) {
            return Response.status(422).build();
        }
    }

    @SuppressWarnings("rawtypes")
    public static final class RawMapper implements ExceptionMapper {
        @Override
        public Response toResponse(Throwable exception) {
            return Response.serverError().build();
        }
    }

    public static final class NeedsArgument implements ExceptionMapper<IOException> {
        public NeedsArgument(String argument) {
        }

        @Override
        public Response toResponse(IOException exception) {
            return Response.serverError().build();
        }
    }

    private static int statusOf(ComponentRegistry registry, Throwable exception) {
        return registry.exceptionMappers().find(exception).map(mapper -> mapper.toResponse(exception).getStatus()).orElse(-1);
    }

    @Test
    void shouldChooseTheMapperOfTheNearestSuperclass() {
        ComponentRegistry registry = new ComponentRegistry().register(RuntimeMapper.class).register(new UncheckedIoMapper());

        assertThat(statusOf(registry, new UncheckedIOException(new IOException("disk")))).as("its own class, through two generic classes").isEqualTo(503);
        assertThat(statusOf(registry, new IllegalStateException("state"))).as("its superclass").isEqualTo(500);
        assertThat(statusOf(registry, new IOException("checked"))).as("no mapper maps a checked IOException").isEqualTo(-1);
        assertThat(registry.getContracts(RuntimeMapper.class)).isEqualTo(Map.of(ExceptionMapper.class, 5000));
        assertThat(registry.isRegistered(RuntimeMapper.class)).isTrue();
    }

    @Test
    void shouldChooseBetweenMappersOfOneTypeByPriorityThenRegistration() {
        ComponentRegistry first = new ComponentRegistry().register(IllegalArgumentMapper.class).register(UrgentIllegalArgumentMapper.class);
        assertThat(statusOf(first, new IllegalArgumentException())).isEqualTo(400);

        ComponentRegistry urgent = new ComponentRegistry().register(IllegalArgumentMapper.class).register(UrgentIllegalArgumentMapper.class, 100);
        assertThat(statusOf(urgent, new IllegalArgumentException())).isEqualTo(422);
    }

    @Test
    void shouldRefuseMappersItCannotUse() {
        assertThatThrownBy(() -> new ComponentRegistry().register(RawMapper.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(RawMapper.class.getName())
                .hasMessageContaining("does not name the exception type");
        assertThatThrownBy(() -> new ComponentRegistry().register(NeedsArgument.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The REST extension exception mapper " + NeedsArgument.class.getName() + " has no public no-arg constructor");
    }
}
