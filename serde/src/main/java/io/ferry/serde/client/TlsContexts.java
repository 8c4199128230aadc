package io.ferry.serde.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

import org.apache.kafka.common.config.ConfigException;

/** Builds the SSL context of https registry URLs from {@link TlsSettings}. */
final class TlsContexts {
    private TlsContexts() {
    }

    static SSLContext create(TlsSettings tls) {
        try {
            if (tls.isDefault()) {
                return SSLContext.getDefault();
            }
            TrustManager[] trust = null;
            if (tls.truststoreLocation() != null) {
                TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                factory.init(load(RegistryClientSettings.TRUSTSTORE_LOCATION, tls.truststoreLocation(), tls.truststoreType(),
                        tls.truststorePassword()));
                trust = factory.getTrustManagers();
            }
            KeyManager[] keys = null;
            if (tls.keystoreLocation() != null) {
                KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                String keyPassword = tls.keyPassword() != null ? tls.keyPassword() : tls.keystorePassword();
                factory.init(load(RegistryClientSettings.KEYSTORE_LOCATION, tls.keystoreLocation(), tls.keystoreType(),
                        tls.keystorePassword()), keyPassword == null ? null : keyPassword.toCharArray());
                keys = factory.getKeyManagers();
            }
            SSLContext context = SSLContext.getInstance(tls.protocol());
            context.init(keys, trust, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new ConfigException("cannot set up TLS for the registry client: " + e.getMessage());
        }
    }

    private static KeyStore load(String setting, String location, String type, String password) throws GeneralSecurityException {
        try (InputStream in = Files.newInputStream(Path.of(location))) {
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, password == null ? null : password.toCharArray());
            return store;
        } catch (IOException e) {
            throw new ConfigException(setting, location, "cannot read " + type + " store: " + e.getMessage());
        }
    }
}
