package io.ferry.connect.plugins;

import java.sql.Driver;
import java.util.Iterator;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the JDBC drivers a plugin bundles, as Apache Kafka Connect does. {@code DriverManager} finds
 * drivers only on the classpath by itself; a driver registers itself when its class initialises, so
 * instantiating each one listed in the plugin's {@code java.sql.Driver} manifest is enough. Errors are
 * logged and ignored: a broken driver must not stop discovery.
 */
final class JdbcDrivers {
    private static final Logger log = LoggerFactory.getLogger(JdbcDrivers.class);
    /** A bound, in case a faulty provider makes the iterator fail forever at the same place. */
    private static final int MAX_ERRORS = 100;

    private JdbcDrivers() {
    }

    @SuppressWarnings("try") // the loader swap is used only for its close()
    static void register(ClassLoader pluginLoader) {
        Iterator<Driver> drivers = ServiceLoader.load(Driver.class, pluginLoader).iterator();
        int errors = 0;
        while (errors < MAX_ERRORS) {
            try (LoaderSwap swap = LoaderSwap.to(pluginLoader)) {
                if (!drivers.hasNext()) {
                    return;
                }
                log.debug("JDBC driver {} registered from {}", drivers.next(), pluginLoader);
            } catch (ServiceConfigurationError | LinkageError e) {
                errors++;
                log.debug("Ignoring a JDBC driver of {} that cannot be loaded", pluginLoader, e);
            }
        }
    }
}
