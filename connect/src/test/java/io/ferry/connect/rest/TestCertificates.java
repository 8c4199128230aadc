package io.ferry.connect.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Self-signed certificates made once per test run with the JDK's {@code keytool}: a worker's, for
 * 127.0.0.1 and localhost, and a client's, each in its own PKCS12 key store, and a trust store
 * holding both. Tests read them as a worker's {@code ssl.*} settings or as a client's SSLContext.
 */
public final class TestCertificates {
    public static final String PASSWORD = "ferry-test-secret";
    private static TestCertificates made;

    private final Path workerKeyStore;
    private final Path clientKeyStore;
    private final Path trustStore;

    private TestCertificates(Path folder) {
        this.workerKeyStore = folder.resolve("worker.p12");
        this.clientKeyStore = folder.resolve("client.p12");
        this.trustStore = folder.resolve("trust.p12");
        keyPair(workerKeyStore, "worker", "CN=localhost", "SAN=dns:localhost,ip:127.0.0.1");
        keyPair(clientKeyStore, "client", "CN=ferry-client", "SAN=dns:ferry-client");
        trust(workerKeyStore, "worker", folder.resolve("worker.crt"));
        trust(clientKeyStore, "client", folder.resolve("client.crt"));
    }

    /** The certificates, made by the first call. */
    public static synchronized TestCertificates get() {
        if (made == null) {
            try {
                Path folder = Files.createTempDirectory("ferry-tls-");
                folder.toFile().deleteOnExit();
                made = new TestCertificates(folder);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return made;
    }

    public Path workerKeyStore() {
        return workerKeyStore;
    }

    public Path trustStore() {
        return trustStore;
    }

    /** A worker's TLS settings, each key starting with {@code prefix}: the worker's key store and the trust store. */
    public Map<String, String> workerSettings(String prefix) {
        Map<String, String> settings = new HashMap<>();
        settings.put(prefix + "ssl.keystore.location", workerKeyStore.toString());
        settings.put(prefix + "ssl.keystore.password", PASSWORD);
        settings.put(prefix + "ssl.keystore.type", "PKCS12");
        settings.put(prefix + "ssl.key.password", PASSWORD);
        settings.put(prefix + "ssl.truststore.location", trustStore.toString());
        settings.put(prefix + "ssl.truststore.password", PASSWORD);
        settings.put(prefix + "ssl.truststore.type", "PKCS12");
        return settings;
    }

    /** A client's context that trusts the worker's certificate, and shows the client's own when {@code withCertificate}. */
    public SSLContext clientContext(boolean withCertificate) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(load(trustStore));
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(load(clientKeyStore), PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(withCertificate ? keys.getKeyManagers() : null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Could not make the test client's SSLContext", e);
        }
    }

    private static KeyStore load(Path file) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    private static void keyPair(Path keyStore, String alias, String name, String alternativeNames) {
        keytool("-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2", "-dname", name,
                "-ext", alternativeNames, "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD);
    }

    private void trust(Path keyStore, String alias, Path certificate) {
        keytool("-exportcert", "-alias", alias, "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", alias, "-file", certificate.toString(), "-keystore", trustStore.toString(),
                "-storetype", "PKCS12", "-storepass", PASSWORD);
    }

    private static void keytool(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("keytool " + arguments[0] + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
