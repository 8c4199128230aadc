package io.ferry.connect.plugins;

import static io.ferry.connect.plugins.TestPluginBuilder.plugin;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import io.ferry.connect.rest.ConnectHttp;
import io.ferry.connect.rest.ConnectHttp.Reply;
import io.ferry.connect.server.DistributedConnect;
import io.ferry.connect.server.WorkerFixture;
import io.ferry.testkit.FerryCluster;
import io.ferry.testkit.FerryClusterExtension;
import org.apache.kafka.connect.rest.ConnectRestExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A REST extension compiled at test time into a jar on {@code plugin.path}, isolated from the framework,
 * adding a resource to a real worker: the resource runs with its plugin's loader as the context loader,
 * reads a JSON entity into a record of its own jar, and the extension's filter runs on it.
 */
class RestExtensionResourcePluginIT {
    private static final String EXTENSION = "com.example.notes.NotesRestExtension";

    @RegisterExtension
    static final FerryClusterExtension KAFKA = FerryClusterExtension.singleBroker();

    @TempDir
    static Path root;

    private static DistributedConnect worker;
    private static ConnectHttp http;

    @BeforeAll
    static void startWorker() throws IOException {
        Path pluginPath = root.resolve("plugins");
        plugin().source(EXTENSION, """
                        package com.example.notes;

                        import java.util.Map;
                        import jakarta.ws.rs.*;
                        import jakarta.ws.rs.container.*;
                        import jakarta.ws.rs.core.*;
                        import org.apache.kafka.connect.rest.*;

                        public class NotesRestExtension implements ConnectRestExtension {
                            public record Note(String author, String text) {
                            }

                            @Path("notes")
                            @Produces(MediaType.APPLICATION_JSON)
                            public static class NotesResource {
                                @GET
                                @Path("loader")
                                public Map<String, Object> loader() {
                                    ClassLoader own = getClass().getClassLoader();
                                    return Map.of("contextIsOwn", Thread.currentThread().getContextClassLoader() == own,
                                            "isolated", own != ConnectRestExtension.class.getClassLoader());
                                }

                                @POST
                                public Response add(Note note, @QueryParam("shout") @DefaultValue("false") boolean shout) {
                                    String text = shout ? note.text().toUpperCase() : note.text();
                                    return Response.status(201).entity(new Note(note.author(), text)).build();
                                }
                            }

                            public static class Stamp implements ContainerResponseFilter {
                                @Override
                                public void filter(ContainerRequestContext request, ContainerResponseContext response) {
                                    response.getHeaders().add("X-Notes", "stamped");
                                }
                            }

                            @Override
                            public void configure(Map<String, ?> configs) {
                            }

                            @Override
                            public void register(ConnectRestExtensionContext context) {
                                context.configurable().register(NotesResource.class);
                                context.configurable().register(Stamp.class);
                            }

                            @Override
                            public void close() {
                            }

                            @Override
                            public String version() {
                                return "1.0";
                            }
                        }
                        """)
                .service(ConnectRestExtension.class, EXTENSION)
                .writeJar(pluginPath.resolve("notes/notes-extension.jar"));

        FerryCluster cluster = KAFKA.cluster();
        Map<String, String> settings = WorkerFixture.distributedSettings(cluster, cluster.uniqueTopicName("notes"), "notes-worker");
        settings.put("plugin.path", pluginPath.toString());
        settings.put("rest.extension.classes", "NotesRestExtension");
        worker = DistributedConnect.start(settings, "test");
        http = new ConnectHttp(worker.restUrl());
    }

    @AfterAll
    static void stopWorker() {
        worker.close();
    }

    @Test
    void shouldRunTheResourceFromItsIsolatedPluginLoader() {
        Reply loader = http.get("/notes/loader");

        assertThat(loader.status()).as("%s", loader).isEqualTo(200);
        assertThat(loader.json().path("isolated").asBoolean()).as("%s", loader).isTrue();
        assertThat(loader.json().path("contextIsOwn").asBoolean()).as("%s", loader).isTrue();
        assertThat(loader.header("X-Notes")).contains("stamped");
    }

    @Test
    void shouldReadAJsonEntityIntoARecordOfThePlugin() {
        Reply added = http.post("/notes?shout=true", ConnectHttp.json(Map.of("author", "ada", "text", "hello")));

        assertThat(added.status()).as("%s", added).isEqualTo(201);
        assertThat(added.body()).isEqualTo("{\"author\":\"ada\",\"text\":\"HELLO\"}");
        assertThat(added.header("X-Notes")).contains("stamped");
    }
}
