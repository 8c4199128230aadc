package io.ferry.bench;

import java.nio.charset.StandardCharsets;

import io.javalin.Javalin;
import org.eclipse.jetty.http.UriCompliance;

/**
 * A hello-world server on the registry's HTTP stack (Javalin on Jetty, the same settings), which
 * answers every GET with a fixed JSON body the size of a small schema. It measures what the stack
 * itself costs, so the registry's numbers can be read against it.
 *
 * <p>Usage: {@code HelloServer PORT}
 */
public final class HelloServer {

    private HelloServer() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        byte[] body = "{\"schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"Hello\\\",\\\"fields\\\":[{\\\"name\\\":\\\"id\\\",\\\"type\\\":\\\"int\\\"}]}\"}"
                .getBytes(StandardCharsets.UTF_8);
        Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.generateEtags = false;
            config.jetty.modifyHttpConfiguration(http -> {
                http.setUriCompliance(UriCompliance.LEGACY);
                http.setSendServerVersion(false);
            });
            config.routes.get("/schemas/ids/{id}", ctx -> ctx.contentType("application/vnd.schemaregistry.v1+json").result(body));
        }).start("127.0.0.1", port);
        System.out.println("Hello server ready at http://127.0.0.1:" + port);
    }
}
