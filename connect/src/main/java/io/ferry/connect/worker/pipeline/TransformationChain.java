package io.ferry.connect.worker.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.ferry.connect.config.ConnectorConfig;
import io.ferry.connect.config.EnrichedConnectorConfig;
import io.ferry.connect.errors.ProcessingContext;
import io.ferry.connect.errors.RetryWithTolerance;
import io.ferry.connect.errors.Stage;
import io.ferry.connect.plugins.LoaderSwap;
import io.ferry.connect.plugins.PluginType;
import io.ferry.connect.plugins.Plugins;
import io.ferry.connect.plugins.VersionRequirement;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.transforms.Transformation;
import org.apache.kafka.connect.transforms.predicates.Predicate;

/**
 * A connector's transformations ({@code transforms=a,b}) in order, each conditioned on its predicate, each
 * transformation and predicate in the version its {@code plugin.version} asks for; unset, the copy packaged with
 * the connector if there is one, else the latest ({@link Plugins#pluginClassFor}).
 * A record dropped by one stage goes no further. Used by one task thread.
 */
public final class TransformationChain<R extends ConnectRecord<R>> implements AutoCloseable {
    private final List<TransformationStage<R>> stages;
    private final RetryWithTolerance errors;

    public TransformationChain(List<TransformationStage<R>> stages, RetryWithTolerance errors) {
        this.stages = List.copyOf(stages);
        this.errors = errors;
    }

    /**
     * @return the transformed record; null when a stage dropped it or failed under tolerance (then
     *         {@code context.failed()} tells which)
     */
    public R apply(ProcessingContext context, R record) {
        R current = record;
        for (TransformationStage<R> stage : stages) {
            R input = current;
            current = errors.execute(context, Stage.TRANSFORMATION, stage.transformationClass(), () -> stage.apply(input));
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    public boolean isEmpty() {
        return stages.isEmpty();
    }

    @Override
    public void close() {
        stages.forEach(TransformationStage::close);
    }

    /**
     * The stages a connector config asks for, each plugin made and configured with the settings under
     * its prefix.
     *
     * @param connectorClass the class the connector runs: an unpinned plugin is the copy its location packages, if any
     * @throws ConfigException naming the key, when a stage cannot be made
     */
    @SuppressWarnings("unchecked")
    public static <R extends ConnectRecord<R>> List<TransformationStage<R>> stages(Map<String, String> config, Plugins plugins,
            Class<?> connectorClass) {
        List<TransformationStage<R>> stages = new ArrayList<>();
        try {
            for (String alias : EnrichedConnectorConfig.aliases(config.get(ConnectorConfig.TRANSFORMS))) {
                String prefix = ConnectorConfig.TRANSFORMS + "." + alias + ".";
                Map<String, Object> settings = prefixed(config, prefix);
                Object predicateAlias = settings.remove(EnrichedConnectorConfig.PREDICATE);
                boolean negate = Boolean.parseBoolean(String.valueOf(settings.remove(EnrichedConnectorConfig.NEGATE)));
                Object version = settings.remove(EnrichedConnectorConfig.VERSION);
                Transformation<R> transformation = plugins.newPluginFor(connectorClass, required(config, prefix + EnrichedConnectorConfig.TYPE),
                        PluginType.TRANSFORMATION, versionOf(prefix, version), Transformation.class);
                ClassLoader loader = plugins.loaderOf(transformation.getClass());
                try (LoaderSwap swap = LoaderSwap.to(loader)) {
                    transformation.configure(settings);
                } catch (RuntimeException e) {
                    closeQuietly(transformation);
                    throw TaskConverters.rejected(prefix + EnrichedConnectorConfig.TYPE, transformation.getClass().getName(),
                            "the transformation '" + alias + "' rejected its settings: " + e.getMessage(), e);
                }
                Predicate<R> predicate = null;
                if (predicateAlias != null) {
                    try {
                        // One instance per transformation, as Apache makes them: each stage closes its own.
                        predicate = predicate(config, predicateAlias.toString(), plugins, connectorClass);
                    } catch (RuntimeException e) {
                        // Not yet a stage, so the cleanup below would not close it.
                        closeQuietly(transformation);
                        throw e;
                    }
                }
                stages.add(new TransformationStage<>(alias, transformation, predicate, negate, loader,
                        predicate == null ? null : plugins.loaderOf(predicate.getClass())));
            }
            return stages;
        } catch (RuntimeException e) {
            stages.forEach(TransformationStage::close);
            throw e;
        }
    }

    @SuppressWarnings("unchecked")
    private static <R extends ConnectRecord<R>> Predicate<R> predicate(Map<String, String> config, String alias, Plugins plugins,
            Class<?> connectorClass) {
        String prefix = ConnectorConfig.PREDICATES + "." + alias + ".";
        Map<String, Object> settings = prefixed(config, prefix);
        Object version = settings.remove(EnrichedConnectorConfig.VERSION);
        Predicate<R> predicate = plugins.newPluginFor(connectorClass, required(config, prefix + EnrichedConnectorConfig.TYPE),
                PluginType.PREDICATE, versionOf(prefix, version), Predicate.class);
        try (LoaderSwap swap = LoaderSwap.to(plugins.loaderOf(predicate.getClass()))) {
            predicate.configure(settings);
        } catch (RuntimeException e) {
            closeQuietly(predicate);
            throw TaskConverters.rejected(prefix + EnrichedConnectorConfig.TYPE, predicate.getClass().getName(),
                    "the predicate '" + alias + "' rejected its settings: " + e.getMessage(), e);
        }
        return predicate;
    }

    /** Closes a plugin made for a stage that will not run; what its close throws would hide why it did not. */
    private static void closeQuietly(AutoCloseable plugin) {
        try {
            plugin.close();
        } catch (Exception e) {
            // The failure being reported matters more than this one.
        }
    }

    private static VersionRequirement versionOf(String prefix, Object version) {
        return VersionRequirement.of(prefix + EnrichedConnectorConfig.VERSION, version == null ? null : version.toString());
    }

    private static String required(Map<String, String> config, String key) {
        String value = config.get(key);
        if (value == null || value.isBlank()) {
            throw new ConfigException(key, value, "Missing required configuration \"" + key + "\" which has no default value.");
        }
        return value.trim();
    }

    private static Map<String, Object> prefixed(Map<String, String> config, String prefix) {
        Map<String, Object> result = new HashMap<>();
        config.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                result.put(key.substring(prefix.length()), value);
            }
        });
        return result;
    }
}
