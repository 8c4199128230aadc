package io.ferry.connect.rest.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.RuntimeDelegate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pieces of the JAX-RS bridge a filter touches: responses, media types, the registry's order, URIs. */
class JaxRsBridgeTest {

    @BeforeAll
    static void install() {
        FerryRuntimeDelegate.install();
    }

    @Test
    void shouldBeTheJaxRsRuntimeOnceInstalled() {
        assertThat(RuntimeDelegate.getInstance()).isInstanceOf(FerryRuntimeDelegate.class);
    }

    @Test
    void shouldBuildTheResponseAFilterAbortsWith() {
        Response response = Response.status(Response.Status.UNAUTHORIZED).entity("no").header("X-A", 1).header("X-A", 2)
                .type(MediaType.TEXT_PLAIN_TYPE).build();

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getStatusInfo().getReasonPhrase()).isEqualTo("Unauthorized");
        assertThat(response.getEntity()).isEqualTo("no");
        assertThat(response.getHeaderString("x-a")).isEqualTo("1,2");
        assertThat(response.getMediaType()).isEqualTo(MediaType.TEXT_PLAIN_TYPE);
        assertThat(response.getStringHeaders().getFirst("Content-Type")).isEqualTo("text/plain");
        assertThat(Response.status(599, "Custom").build().getStatusInfo().getReasonPhrase()).isEqualTo("Custom");
        assertThatThrownBy(() -> Response.status(42)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("42");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "application/json|application|json|{}",
            "text/plain; charset=utf-8|text|plain|{charset=utf-8}",
            "text/plain;charset=\"utf-8\"|text|plain|{charset=utf-8}",
            "*/*|*|*|{}"})
    void shouldReadMediaTypes(String header, String type, String subtype, String parameters) {
        MediaType parsed = MediaType.valueOf(header);

        assertThat(parsed.getType()).isEqualTo(type);
        assertThat(parsed.getSubtype()).isEqualTo(subtype);
        assertThat(parsed.getParameters().toString()).isEqualTo(parameters);
    }

    @Test
    void shouldRunRequestFiltersByAscendingAndResponseFiltersByDescendingPriorityThenInRegistrationOrder() {
        List<String> ran = new ArrayList<>();
        ComponentRegistry registry = new ComponentRegistry()
                .register(new Late(ran))
                .register(new Early(ran))
                .register((ContainerRequestFilter) request -> ran.add("explicit-100"), 100)
                .register(new Both(ran));
        registry.register(new Object());

        registry.requestFilters().forEach(filter -> run(filter));
        assertThat(ran).containsExactly("explicit-100", "early", "both", "late");
        ran.clear();
        registry.responseFilters().forEach(filter -> {
            try {
                filter.filter(null, null);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });
        assertThat(ran).containsExactly("both-response");
        assertThat(registry.getClasses()).hasSize(4);
        assertThat(registry.getContracts(Both.class)).containsOnlyKeys(ContainerRequestFilter.class, ContainerResponseFilter.class);
    }

    @Test
    void shouldIgnoreASecondComponentOfTheSameClass() {
        List<String> ran = new ArrayList<>();
        ComponentRegistry registry = new ComponentRegistry().register(new Early(ran)).register(new Early(ran));

        assertThat(registry.requestFilters()).hasSize(1);
    }

    @Test
    void shouldMakeAFilterRegisteredByClassAndNameOneWithoutAConstructor() {
        ComponentRegistry registry = new ComponentRegistry().register(Counting.class);
        assertThat(registry.requestFilters()).singleElement().isInstanceOf(Counting.class);

        assertThatThrownBy(() -> new ComponentRegistry().register(Early.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Early.class.getName()).hasMessageContaining("no-arg constructor");
    }

    @Test
    void shouldGiveThePathRelativeToTheServerRoot() {
        RequestUriInfo uri = new RequestUriInfo(URI.create("http://127.0.0.1:8083/"),
                URI.create("http://127.0.0.1:8083/connectors/my%20sink/tasks?forward=false&x=a%26b"));

        assertThat(uri.getPath()).isEqualTo("connectors/my sink/tasks");
        assertThat(uri.getPath(false)).isEqualTo("connectors/my%20sink/tasks");
        assertThat(uri.getPathSegments()).extracting(PathSegment::getPath).containsExactly("connectors", "my sink", "tasks");
        assertThat(uri.getQueryParameters()).containsEntry("forward", List.of("false")).containsEntry("x", List.of("a&b"));
        assertThat(uri.getAbsolutePath()).isEqualTo(URI.create("http://127.0.0.1:8083/connectors/my%20sink/tasks"));
        assertThat(uri.getBaseUri()).isEqualTo(URI.create("http://127.0.0.1:8083/"));
        assertThat(Map.copyOf(uri.getPathParameters())).isEmpty();
    }

    private static void run(ContainerRequestFilter filter) {
        try {
            filter.filter(null);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Priority(3000)
    record Early(List<String> ran) implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            ran.add("early");
        }
    }

    @Priority(9000)
    record Late(List<String> ran) implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            ran.add("late");
        }
    }

    record Both(List<String> ran) implements ContainerRequestFilter, ContainerResponseFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            ran.add("both");
        }

        @Override
        public void filter(ContainerRequestContext request, ContainerResponseContext response) {
            ran.add("both-response");
        }
    }

    public static final class Counting implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            // Registered by class: made by the registry.
        }
    }
}
