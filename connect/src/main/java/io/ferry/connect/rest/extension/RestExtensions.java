package io.ferry.connect.rest.extension;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.ferry.connect.config.WorkerConfig;
import io.ferry.connect.herder.Herder;
import io.ferry.connect.plugins.LoaderSwap;
import io.ferry.connect.plugins.PluginNotFoundException;
import io.ferry.connect.plugins.PluginType;
import io.ferry.connect.plugins.Plugins;
import io.ferry.connect.rest.jaxrs.FerryRuntimeDelegate;
import io.ferry.connect.rest.jaxrs.ComponentRegistry;
import jakarta.ws.rs.core.Configurable;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.health.ConnectClusterState;
import org.apache.kafka.connect.rest.ConnectRestExtension;
import org.apache.kafka.connect.rest.ConnectRestExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST extensions {@code rest.extension.classes} names, as Apache Kafka Connect runs them: each made
 * from its plugin (class or alias, found on the classpath or {@code plugin.path}), {@linkplain
 * ConnectRestExtension#configure configured} with every worker setting, then {@linkplain
 * ConnectRestExtension#register registered} in the order listed, with its plugin's class loader as the
 * thread's context loader. What they register is in {@link #components()}. {@link #close()} closes them.
 */
public final class RestExtensions implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RestExtensions.class);

    private final List<ConnectRestExtension> extensions;
    private final ComponentRegistry components;
    private final Plugins plugins;

    private RestExtensions(List<ConnectRestExtension> extensions, ComponentRegistry components, Plugins plugins) {
        this.extensions = extensions;
        this.components = components;
        this.plugins = plugins;
    }

    /**
     * Makes, configures and registers the extensions of a worker config; none when the setting is empty.
     *
     * @param requestTimeout how long the cluster state waits for the herder
     * @throws ConfigException naming {@code rest.extension.classes} when an extension is not installed
     */
    public static RestExtensions load(WorkerConfig worker, Plugins plugins, Herder herder, Duration requestTimeout) {
        List<String> names = worker.getList(WorkerConfig.REST_EXTENSION_CLASSES);
        ComponentRegistry components = new ComponentRegistry();
        List<ConnectRestExtension> extensions = new ArrayList<>();
        if (names.isEmpty()) {
            return new RestExtensions(extensions, components, plugins);
        }
        FerryRuntimeDelegate.install();
        ConnectClusterState clusterState = new HerderClusterState(herder, requestTimeout);
        ConnectRestExtensionContext context = new ConnectRestExtensionContext() {
            @Override
            public Configurable<? extends Configurable<?>> configurable() {
                return components;
            }

            @Override
            public ConnectClusterState clusterState() {
                return clusterState;
            }
        };
        RestExtensions loaded = new RestExtensions(extensions, components, plugins);
        try {
            for (String name : names) {
                ConnectRestExtension extension = newExtension(plugins, name);
                extensions.add(extension);
                try (LoaderSwap swap = LoaderSwap.to(plugins.loaderOf(extension.getClass()))) {
                    extension.configure(worker.originals());
                    extension.register(context);
                }
                log.info("Registered REST extension {} {}", extension.getClass().getName(), Plugins.versionOf(extension));
            }
        } catch (RuntimeException e) {
            loaded.close();
            throw e;
        }
        return loaded;
    }

    private static ConnectRestExtension newExtension(Plugins plugins, String name) {
        try {
            return plugins.newPlugin(name, PluginType.REST_EXTENSION, ConnectRestExtension.class);
        } catch (PluginNotFoundException e) {
            throw new ConfigException(WorkerConfig.REST_EXTENSION_CLASSES, name, e.getMessage());
        }
    }

    /** The filters and resources the extensions registered. */
    public ComponentRegistry components() {
        return components;
    }

    /** The extensions, in the order they were registered. */
    public List<ConnectRestExtension> extensions() {
        return List.copyOf(extensions);
    }

    /** Closes every extension, in reverse order; a failure is logged and the others still close. */
    @Override
    public void close() {
        for (int i = extensions.size() - 1; i >= 0; i--) {
            ConnectRestExtension extension = extensions.get(i);
            try (LoaderSwap swap = LoaderSwap.to(plugins.loaderOf(extension.getClass()))) {
                extension.close();
            } catch (IOException | RuntimeException e) {
                log.warn("Could not close REST extension {}", extension.getClass().getName(), e);
            }
        }
    }
}
