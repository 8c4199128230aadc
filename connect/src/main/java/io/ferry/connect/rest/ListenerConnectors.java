package io.ferry.connect.rest;

import java.util.List;

import javax.net.ssl.SSLContext;

import io.ferry.connect.config.WorkerConfig;

import org.apache.kafka.common.config.SslConfigs;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * Makes the Jetty connector of each listener: plain HTTP, or HTTP over TLS with the listeners' TLS
 * settings ({@code ssl.client.auth}, {@code ssl.enabled.protocols}, {@code ssl.cipher.suites}).
 */
final class ListenerConnectors {
    private final RestSsl.Settings ssl;
    private final SSLContext context;

    /**
     * @param ssl the settings of https listeners, checked here when there is one, so that bad TLS
     *            settings stop the worker before it starts
     * @throws org.apache.kafka.common.config.ConfigException naming the TLS setting that cannot be used
     */
    ListenerConnectors(RestSsl.Settings ssl, List<Listeners.Listener> listeners) {
        this.ssl = ssl;
        this.context = listeners.stream().anyMatch(Listeners.Listener::https) ? RestSsl.serverContext(ssl) : null;
    }

    ServerConnector connector(Server server, HttpConfiguration http, Listeners.Listener listener) {
        ServerConnector connector = listener.https()
                ? new ServerConnector(server, new SslConnectionFactory(tls(), HttpVersion.HTTP_1_1.asString()), new HttpConnectionFactory(secure(http)))
                : new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(listener.host().isEmpty() ? null : listener.host());
        connector.setPort(listener.port());
        return connector;
    }

    private SslContextFactory.Server tls() {
        SslContextFactory.Server factory = new SslContextFactory.Server();
        factory.setSslContext(context);
        switch (String.valueOf(ssl.value(WorkerConfig.SSL_CLIENT_AUTH))) {
            case "required" -> factory.setNeedClientAuth(true);
            case "requested" -> factory.setWantClientAuth(true);
            default -> { }
        }
        if (!ssl.list(SslConfigs.SSL_ENABLED_PROTOCOLS_CONFIG).isEmpty()) {
            factory.setIncludeProtocols(ssl.list(SslConfigs.SSL_ENABLED_PROTOCOLS_CONFIG).toArray(String[]::new));
        }
        if (!ssl.list(SslConfigs.SSL_CIPHER_SUITES_CONFIG).isEmpty()) {
            factory.setIncludeCipherSuites(ssl.list(SslConfigs.SSL_CIPHER_SUITES_CONFIG).toArray(String[]::new));
        }
        return factory;
    }

    /**
     * Requests on an https listener know they are secure (so a created connector's Location is
     * https). Like Apache's workers, the host a client asks for is not checked against the
     * certificate: workers are often reached by addresses their certificate does not name.
     */
    private static HttpConfiguration secure(HttpConfiguration http) {
        HttpConfiguration https = new HttpConfiguration(http);
        https.addCustomizer(new SecureRequestCustomizer(false, false, -1, false));
        return https;
    }
}
