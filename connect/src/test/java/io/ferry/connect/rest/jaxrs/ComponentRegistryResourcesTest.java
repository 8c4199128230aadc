package io.ferry.connect.rest.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.junit.jupiter.api.Test;

/** Registering resources: what is kept, and the errors that name what a resource gets wrong. */
class ComponentRegistryResourcesTest {

    @Path("status")
    @Produces(MediaType.TEXT_PLAIN)
    public static class Status {
        @GET
        public String status() {
            return "up";
        }

        @POST
        @Path("{part}")
        @Produces(MediaType.APPLICATION_JSON)
        public String part(@PathParam("part") String part) {
            return part;
        }

        public String notAResourceMethod() {
            return "";
        }
    }

    @Path("needs")
    public static class NeedsArgument {
        public NeedsArgument(String argument) {
        }

        @GET
        public String get() {
            return "";
        }
    }

    @Path("cookies")
    public static class WantsCookies {
        @GET
        public String get(@CookieParam("session") String session) {
            return session;
        }
    }

    @Path("twice")
    public static class TwoEntities {
        @POST
        public String post(String first, byte[] second) {
            return first;
        }
    }

    @Path("items/{id")
    public static class BadTemplate {
        @GET
        public String get() {
            return "";
        }
    }

    @Test
    void shouldKeepEveryResourceMethodWithItsTemplateAndMediaTypes() {
        ComponentRegistry registry = new ComponentRegistry().register(Status.class);

        assertThat(registry.resourceMethods()).extracting(method -> method.httpMethod() + " " + method.path() + " " + method.produces())
                .containsExactlyInAnyOrder("GET /status [text/plain]", "POST /status/{part} [application/json]");
        assertThat(registry.isRegistered(Status.class)).isTrue();
        assertThat(registry.getInstances()).as("a resource made per request has no instance").isEmpty();
        assertThat(registry.hasNoFilters()).isTrue();
    }

    @Test
    void shouldServeARegisteredObjectItself() {
        Status status = new Status();
        ComponentRegistry registry = new ComponentRegistry().register(status);

        assertThat(registry.resourceMethods()).allSatisfy(method -> assertThat(method.resource().get()).isSameAs(status));
        assertThat(registry.getInstances()).containsExactly(status);
    }

    @Test
    void shouldRefuseAResourceClassWithoutAPublicNoArgConstructor() {
        assertThatThrownBy(() -> new ComponentRegistry().register(NeedsArgument.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(NeedsArgument.class.getName()).hasMessageContaining("no public no-arg constructor");
    }

    @Test
    void shouldRefuseParametersItCannotBindNamingTheMethod() {
        assertThatThrownBy(() -> new ComponentRegistry().register(WantsCookies.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("WantsCookies.get").hasMessageContaining("@CookieParam is not supported");
    }

    @Test
    void shouldRefuseAMethodWithMoreThanOneEntityParameterNamingIt() {
        assertThatThrownBy(() -> new ComponentRegistry().register(TwoEntities.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TwoEntities.post").hasMessageContaining("2 entity parameters");
    }

    @Test
    void shouldRefuseABadTemplateNamingIt() {
        assertThatThrownBy(() -> new ComponentRegistry().register(BadTemplate.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/items/{id");
    }
}
