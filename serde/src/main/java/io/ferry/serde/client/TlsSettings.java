package io.ferry.serde.client;

/**
 * Key material for https registry URLs; {@code null} locations mean "not set". Immutable.
 *
 * @param protocol the SSL context's protocol, e.g. {@code TLSv1.3}
 */
public record TlsSettings(String truststoreLocation, String truststorePassword, String truststoreType,
                          String keystoreLocation, String keystorePassword, String keystoreType, String keyPassword,
                          String protocol) {

    /** The JDK's defaults: its trusted certificates, no client certificate. */
    public static TlsSettings jdkDefaults() {
        return new TlsSettings(null, null, "JKS", null, null, "JKS", null, "TLSv1.3");
    }

    boolean isDefault() {
        return truststoreLocation == null && keystoreLocation == null;
    }
}
