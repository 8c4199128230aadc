package io.ferry.connect.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.ferry.connect.herder.Herder;
import io.ferry.connect.herder.NotLeaderException;
import org.junit.jupiter.api.Test;

/** A request that only the leader can answer, sent to a worker that is not the leader. */
class LeaderForwardingTest {

    @Test
    void shouldAnswerWithTheUnusableTlsSettingWhenTheHttpsLeaderCannotBeReached() throws Exception {
        Herder follower = followerOf("https://127.0.0.1:1/");
        Map<String, String> settings = Map.of("ssl.truststore.location", "/nonexistent/review2-truststore.p12");
        try (ConnectRestServer server = ConnectRestServer.builder(follower, RestServerExtension.workerConfig(settings)).build().start()) {
            ConnectHttp.Reply reply = new ConnectHttp(server.url()).get("/connectors");

            assertThat(reply.status()).isEqualTo(500);
            assertThat(reply.message()).contains("ssl.truststore.location", "https://127.0.0.1:1/");
        }
    }

    /** A herder that sends every request for the connector list to the leader at a URL. */
    private static Herder followerOf(String leaderUrl) {
        Herder herder = new InMemoryHerder();
        return (Herder) Proxy.newProxyInstance(Herder.class.getClassLoader(), new Class<?>[] {Herder.class}, (proxy, method, args) -> {
            if (method.getName().equals("connectors")) {
                return CompletableFuture.failedFuture(new NotLeaderException("not the leader", leaderUrl));
            }
            try {
                return method.invoke(herder, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }
}
