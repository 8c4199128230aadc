package io.ferry.connect.testplugins;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.apache.kafka.connect.health.ConnectClusterState;
import org.apache.kafka.connect.rest.ConnectRestExtension;
import org.apache.kafka.connect.rest.ConnectRestExtensionContext;

/**
 * A REST extension for tests. With the worker setting {@code test.rest.token}, a request filter refuses
 * requests whose {@code X-Token} header differs: 403, a JSON entity and an {@code X-Refused} header. A
 * second request filter, registered first but with a lower priority number, records each request's
 * method and path ({@link #SEEN}); a response filter adds {@code X-Guarded: yes} to answers with a body. A resource object is
 * registered too, which Ferry ignores. The cluster state it was given is kept in {@link #CLUSTER}.
 */
public class TokenGuardRestExtension implements ConnectRestExtension {
    public static final AtomicReference<ConnectClusterState> CLUSTER = new AtomicReference<>();
    /** "method path" of each request, then "guard" when the token filter ran after the recorder. */
    public static final List<String> SEEN = new CopyOnWriteArrayList<>();
    public static final AtomicReference<Boolean> CLOSED = new AtomicReference<>(false);

    private String token;

    @Override
    public void configure(Map<String, ?> configs) {
        Object value = configs.get("test.rest.token");
        this.token = value == null ? null : value.toString();
    }

    @Override
    public void register(ConnectRestExtensionContext context) {
        CLUSTER.set(context.clusterState());
        CLOSED.set(false);
        if (token != null) {
            context.configurable().register(new TokenFilter(token));
        }
        context.configurable().register(RecordingFilter.class);
        context.configurable().register(new GuardedHeader());
        context.configurable().register(new Object());
    }

    @Override
    public void close() {
        CLOSED.set(true);
    }

    @Override
    public String version() {
        return "1.0-test";
    }

    @Priority(Priorities.AUTHORIZATION)
    static final class TokenFilter implements ContainerRequestFilter {
        private final String token;

        TokenFilter(String token) {
            this.token = token;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            SEEN.add("guard");
            if (!token.equals(request.getHeaderString("x-token"))) {
                request.abortWith(Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON_TYPE)
                        .header("X-Refused", "token").entity(Map.of("refused", request.getUriInfo().getPath())).build());
            }
        }
    }

    @Priority(Priorities.AUTHENTICATION)
    public static final class RecordingFilter implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            SEEN.add(request.getMethod() + " " + request.getUriInfo().getPath());
        }
    }

    static final class GuardedHeader implements ContainerResponseFilter {
        @Override
        public void filter(ContainerRequestContext request, ContainerResponseContext response) {
            // Reads the entity, which must leave the answer's body as it was.
            response.getHeaders().add("X-Guarded", response.hasEntity() ? "yes" : "yes, no entity");
        }
    }
}
