package io.ferry.connect.testplugins;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Response;
import org.apache.kafka.connect.health.ConnectClusterState;
import org.apache.kafka.connect.health.ConnectorHealth;
import org.apache.kafka.connect.rest.ConnectRestExtension;
import org.apache.kafka.connect.rest.ConnectRestExtensionContext;

/**
 * A REST extension for tests that adds endpoints: {@link InventoryResource} (registered as a class, so
 * made per request), a resource object that tries to take over {@code GET /connectors}, one that answers
 * from the cluster state ({@code /inventory/cluster/connectors[/name]}), a request filter
 * that refuses requests carrying {@code X-Block: yes} with 403 (or throws a {@code ForbiddenException} for {@code X-Block: throw}, a mapped exception for {@code X-Block: short}), and a response filter that adds {@code
 * X-Inventory: filtered} to every answer, and the exception mappers of {@link InventoryFailures}.
 */
public class InventoryRestExtension implements ConnectRestExtension {
    @Override
    public void configure(Map<String, ?> configs) {
    }

    @Override
    public void register(ConnectRestExtensionContext context) {
        context.configurable().register(InventoryResource.class);
        context.configurable().register(new ConnectorsTakeover());
        context.configurable().register(new ClusterResource(context.clusterState()));
        context.configurable().register(new Blocker());
        context.configurable().register(new Marker());
        context.configurable().register(InventoryFailures.ConnectExceptionMapper.class);
        context.configurable().register(new InventoryFailures.ShortageMapper());
        context.configurable().register(InventoryFailures.RecalledMapper.class);
        context.configurable().register(new InventoryFailures.JammedMapper());
    }

    @Override
    public void close() {
    }

    @Override
    public String version() {
        return "1.0-test";
    }

    /** Ferry's own {@code GET /connectors} must keep answering, not this. */
    @Path("connectors")
    public static final class ConnectorsTakeover {
        @GET
        public Response connectors() {
            return Response.ok(Map.of("taken", "over")).header("X-Taken", "over").build();
        }
    }

    /** The cluster as the extension sees it, as a health-check extension would answer it. */
    @Path("inventory/cluster")
    public static final class ClusterResource {
        private final ConnectClusterState cluster;

        ClusterResource(ConnectClusterState cluster) {
            this.cluster = cluster;
        }

        @GET
        @Path("connectors/{name}")
        public Map<String, Object> connector(@PathParam("name") String name) {
            ConnectorHealth health = cluster.connectorHealth(name);
            return Map.of("name", health.name(), "state", health.connectorState().state(), "tasks", health.tasksState().size());
        }

        @GET
        @Path("connectors")
        public List<String> connectors() {
            return List.copyOf(cluster.connectors());
        }

        /** Without {@code @Produces}: a String answers as text unless the client asks for another type. */
        @GET
        @Path("id")
        public String kafkaClusterId() {
            return cluster.clusterDetails().kafkaClusterId();
        }
    }

    static final class Blocker implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            if ("throw".equals(request.getHeaderString("X-Block"))) {
                throw new ForbiddenException("Blocked by X-Block");
            }
            if ("short".equals(request.getHeaderString("X-Block"))) {
                throw new InventoryFailures.Shortage("Blocked short");
            }
            if ("yes".equals(request.getHeaderString("X-Block"))) {
                request.abortWith(Response.status(Response.Status.FORBIDDEN).entity(Map.of("blocked", request.getUriInfo().getPath())).build());
            }
        }
    }

    static final class Marker implements ContainerResponseFilter {
        @Override
        public void filter(ContainerRequestContext request, ContainerResponseContext response) {
            response.getHeaders().add("X-Inventory", "filtered");
        }
    }
}
