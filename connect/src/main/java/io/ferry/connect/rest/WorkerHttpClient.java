package io.ferry.connect.rest;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

import io.ferry.connect.config.WorkerConfig;
import org.apache.kafka.common.config.SslConfigs;

/**
 * The HTTP client a worker reaches other workers with (requests forwarded to the leader, task
 * configs sent to it). For https URLs it speaks TLS with the worker's top-level {@code ssl.*}
 * settings, as Apache Kafka Connect's workers do. The TLS client is made the first time an https
 * URL needs it, so a cluster on http never reads those settings (its Kafka clients' own). Thread-safe.
 */
public final class WorkerHttpClient {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final WorkerConfig worker;
    private final HttpClient plain;
    private volatile HttpClient tls;

    public WorkerHttpClient(WorkerConfig worker) {
        this.worker = worker;
        this.plain = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    /**
     * The client for a URL.
     *
     * @throws org.apache.kafka.common.config.ConfigException naming the {@code ssl.*} setting that cannot
     *         be used, for an https URL
     */
    HttpClient forUrl(URI url) {
        if (!Listeners.HTTPS.equalsIgnoreCase(url.getScheme())) {
            return plain;
        }
        HttpClient client = tls;
        if (client == null) {
            synchronized (this) {
                if (tls == null) {
                    tls = tlsClient();
                }
                client = tls;
            }
        }
        return client;
    }

    private HttpClient tlsClient() {
        RestSsl.Settings ssl = RestSsl.forClient(worker);
        SSLContext context = RestSsl.clientContext(ssl);
        SSLParameters parameters = context.getDefaultSSLParameters();
        if (!ssl.list(SslConfigs.SSL_ENABLED_PROTOCOLS_CONFIG).isEmpty()) {
            parameters.setProtocols(ssl.list(SslConfigs.SSL_ENABLED_PROTOCOLS_CONFIG).toArray(String[]::new));
        }
        if (!ssl.list(SslConfigs.SSL_CIPHER_SUITES_CONFIG).isEmpty()) {
            parameters.setCipherSuites(ssl.list(SslConfigs.SSL_CIPHER_SUITES_CONFIG).toArray(String[]::new));
        }
        return HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).sslContext(context).sslParameters(parameters).build();
    }
}
