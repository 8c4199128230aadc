package io.ferry.connect.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import io.ferry.connect.config.ConfigProviders;
import io.ferry.connect.config.ConnectorConfig;
import io.ferry.connect.config.DistributedWorkerConfig;
import io.ferry.connect.config.SinkConnectorConfig;
import io.ferry.connect.config.SourceConnectorConfig;
import io.ferry.connect.config.WorkerConfig;
import io.ferry.connect.herder.BadRequestException;
import io.ferry.connect.herder.ConfigInfos;
import io.ferry.connect.herder.ConfigKeyInfo;
import io.ferry.connect.plugins.LoaderSwap;
import io.ferry.connect.plugins.PluginDesc;
import io.ferry.connect.plugins.PluginNotFoundException;
import io.ferry.connect.plugins.PluginType;
import io.ferry.connect.plugins.PluginVersionNotFoundException;
import io.ferry.connect.plugins.Plugins;
import io.ferry.connect.plugins.VersionRequirement;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Connector;
import org.apache.kafka.connect.connector.policy.ConnectorClientConfigOverridePolicy;
import org.apache.kafka.connect.health.ConnectorType;
import org.apache.kafka.connect.source.SourceConnector;
import org.apache.maven.artifact.versioning.InvalidVersionSpecificationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates connector configs without running them, as Apache Kafka Connect's validate endpoint
 * does, and describes plugins' settings.
 *
 * <p>A validation resolves config provider references, then checks, each against its definition:
 * the connector in the version {@code connector.plugin.version} picks (the latest when unset; when no installed
 * version matches, only the common settings, with that error, as Apache does), the common and source or sink
 * settings (with the rules across them), each transformation's and
 * predicate's settings, the connector's own definition and its {@code validate()}, the settings of
 * converters the connector sets, and its client overrides under the worker's override policy; on a
 * distributed worker, a source connector's exactly-once settings too ({@link ExactlyOnceSourceRules}). Plugins
 * run with their own class loader as the context loader.
 *
 * <p>Thread-safe; each call makes its own plugin instances. Calls run plugin code and may block as
 * long as it does.
 */
public final class ConnectorConfigValidator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ConnectorConfigValidator.class);

    private final Plugins plugins;
    private final ConfigProviders providers;
    private final ConnectorClientConfigOverridePolicy policy;
    private final TransformationSettings transformations;
    private final ConverterValidation converters;
    private final ClientOverrideValidation overrides;
    private final PluginConfigs pluginConfigs;
    private final PluginVersionSettings versions;
    private final PinnedVersions pinnedVersions;
    private final DistributedWorkerConfig distributed;

    /** A validator that leaves config provider references as they are. */
    public ConnectorConfigValidator(Plugins plugins, WorkerConfig worker) {
        this(plugins, worker, ConfigProviders.none());
    }

    /**
     * @param providers resolve {@code ${provider:path:key}} references before validation; not closed here
     * @throws org.apache.kafka.common.config.ConfigException when the worker's override policy cannot be made
     */
    public ConnectorConfigValidator(Plugins plugins, WorkerConfig worker, ConfigProviders providers) {
        this.plugins = Objects.requireNonNull(plugins, "plugins");
        this.providers = Objects.requireNonNull(providers, "providers");
        this.policy = ClientOverridePolicies.of(worker, plugins);
        this.transformations = new TransformationSettings(plugins);
        this.converters = new ConverterValidation(plugins);
        this.overrides = new ClientOverrideValidation(policy);
        this.pluginConfigs = new PluginConfigs(plugins);
        this.versions = new PluginVersionSettings(plugins, worker);
        this.pinnedVersions = new PinnedVersions(plugins);
        this.distributed = worker instanceof DistributedWorkerConfig config ? config : null;
    }

    /**
     * Validates a connector config.
     *
     * @return every key's definition and validated value, named by the config's connector class
     * @throws BadRequestException when the config names no connector class, or one that is not a
     *                             connector plugin, or the connector returns no definition or result
     */
    public ConfigInfos validate(Map<String, String> config) {
        Map<String, String> props = providers.resolve(new HashMap<>(config));
        String connectorType = props.get(ConnectorConfig.CONNECTOR_CLASS);
        if (connectorType == null) {
            throw new BadRequestException("Connector config " + props + " contains no connector type");
        }
        VersionRequirement version;
        try {
            version = VersionRequirement.of(ConnectorConfig.CONNECTOR_VERSION, props.get(ConnectorConfig.CONNECTOR_VERSION));
        } catch (ConfigException e) {
            throw new BadRequestException(e.getMessage());
        }
        Class<? extends Connector> connectorClass;
        try {
            connectorClass = connectorClass(connectorType, version);
        } catch (PluginVersionNotFoundException e) {
            log.warn("No version of connector {} matches {}: {}", connectorType, version, e.getMessage());
            return versions.noSuchConnectorVersion(connectorType, props, e);
        }
        Connector connector;
        try {
            connector = (Connector) plugins.newInstance(connectorClass);
        } catch (RuntimeException e) {
            throw new BadRequestException(e.getMessage());
        }
        ClassLoader loader = plugins.loaderOf(connectorClass);
        try (LoaderSwap swap = LoaderSwap.to(loader)) {
            return validate(connectorType, connector, props);
        } catch (LinkageError e) {
            // A class the config names exists but cannot be defined (a library it needs is missing from its
            // plugin location): Kafka's ConfigDef lets that escape the whole validation, so say which setting.
            throw new BadRequestException("Connector config could not be validated: " + unloadable(props, loader)
                    + " cannot be loaded in the plugin location of " + connectorType + ": " + e);
        }
    }

    /** The settings whose value names a class that exists but cannot be defined through the connector's loader. */
    private static String unloadable(Map<String, String> props, ClassLoader loader) {
        List<String> settings = new ArrayList<>();
        props.forEach((key, value) -> {
            try {
                Class.forName(value.trim(), false, loader);
            } catch (LinkageError e) {
                settings.add(key + "=" + value.trim());
            } catch (ClassNotFoundException | RuntimeException e) {
                // not a class name, or not this problem
            }
        });
        return settings.isEmpty() ? "a class it names" : String.join(", ", settings);
    }

    private ConfigInfos validate(String connectorType, Connector connector, Map<String, String> props) {
        boolean source = connector instanceof SourceConnector;
        ConfigDef base = source ? SourceConnectorConfig.configDef() : SinkConnectorConfig.configDef();
        versions.describe(base, connector.getClass(), props);
        TransformationSettings.Enriched enriched = transformations.enrich(base, props, connector.getClass());
        Map<String, ConfigValue> validated = enriched.definition().validateAll(enriched.props());
        if (!source) {
            SinkTopicRules.check(props, validated);
        } else if (distributed != null) {
            ExactlyOnceSourceRules.check(distributed, (SourceConnector) connector, props, validated);
        }
        reportNullValues(props, validated);
        List<ConfigInfos> converterSections = converters.validate(props, validated, connector.getClass());
        ConfigInfos connectorSection = connectorSection(connectorType, connector, props, enriched.definition(), validated);
        ConnectorType type = source ? ConnectorType.SOURCE : ConnectorType.SINK;
        List<ConfigInfos> sections = new ArrayList<>();
        sections.add(connectorSection);
        sections.addAll(overrides.validate(props, type, connector.getClass()));
        sections.addAll(converterSections);
        return ConfigInfosBuilder.merge(connectorType, sections.toArray(new ConfigInfos[0]));
    }

    static void reportNullValues(Map<String, String> props, Map<String, ConfigValue> validated) {
        props.forEach((key, value) -> {
            if (value == null) {
                validated.computeIfAbsent(key, ConfigValue::new).addErrorMessage("Null value can not be supplied as the configuration value.");
            }
        });
    }

    /** The framework's settings and the connector's own, with the connector's validate() verdict. */
    private static ConfigInfos connectorSection(String connectorType, Connector connector, Map<String, String> props,
                                                ConfigDef enriched, Map<String, ConfigValue> validated) {
        ConfigDef own = connector.config();
        if (own == null) {
            throw new BadRequestException(connector.getClass().getName() + ".config() must return a ConfigDef that is not null.");
        }
        Config verdict = connector.validate(props);
        if (verdict == null) {
            throw new BadRequestException(connector.getClass().getName() + ".validate() must return a Config that is not null.");
        }
        Map<String, ConfigKey> keys = new LinkedHashMap<>(enriched.configKeys());
        keys.putAll(own.configKeys());
        Set<String> groups = new LinkedHashSet<>(enriched.groups());
        groups.addAll(own.groups());
        List<ConfigValue> values = new ArrayList<>(validated.values());
        values.addAll(verdict.configValues());
        return ConfigInfosBuilder.generate(connectorType, keys, values, new ArrayList<>(groups));
    }

    /**
     * The definition of a plugin's settings: a connector's own and the framework's, or a converter's,
     * header converter's, transformation's or predicate's.
     *
     * @throws org.apache.kafka.connect.errors.NotFoundException when no plugin has that class or alias
     * @param version a version, a Maven version range, or null or {@code latest} for the latest installed
     * @throws BadRequestException when the plugin is of a kind whose settings are not shown, or is not installed in
     *                             a version the requirement accepts, or the version is no version or range
     */
    public List<ConfigKeyInfo> pluginConfig(String classOrAlias, String version) {
        VersionRequirement requirement;
        try {
            requirement = VersionRequirement.parse(version);
        } catch (InvalidVersionSpecificationException e) {
            throw new BadRequestException("Invalid version specification: " + version);
        }
        return pluginConfigs.of(classOrAlias, requirement);
    }

    /**
     * The keys of the config whose values are secrets ({@code PASSWORD} in the connector's full
     * definition: framework, transformations, connector, its converters and client overrides), so
     * they can be masked. A plugin pinned to a version not installed (any more) is read in its latest installed
     * version, so its secrets stay masked. Best effort: a part that cannot be resolved adds nothing; never throws.
     */
    public SortedSet<String> passwordKeys(Map<String, String> config) {
        SortedSet<String> keys = new TreeSet<>();
        Map<String, String> props = pinnedVersions.orLatestInstalled(config);
        Class<? extends Connector> connectorClass = null;
        try {
            connectorClass = connectorClass(props.get(ConnectorConfig.CONNECTOR_CLASS),
                    VersionRequirement.parse(props.get(ConnectorConfig.CONNECTOR_VERSION)));
        } catch (RuntimeException | InvalidVersionSpecificationException e) {
            // Unknown connector: only the framework's settings are known.
        }
        boolean source = connectorClass != null && SourceConnector.class.isAssignableFrom(connectorClass);
        ConfigDef base = source ? SourceConnectorConfig.configDef()
                : connectorClass != null ? SinkConnectorConfig.configDef() : ConnectorConfig.configDef();
        try {
            addPasswords(keys, "", transformations.enrich(base, props, connectorClass).definition());
            if (connectorClass != null) {
                try (LoaderSwap swap = LoaderSwap.to(plugins.loaderOf(connectorClass))) {
                    addPasswords(keys, "", ((Connector) plugins.newInstance(connectorClass)).config());
                }
            }
            for (ConverterValidation.Slot slot : ConverterValidation.SLOTS) {
                addPresentPasswords(keys, props, slot.prefix(), converters.definition(props, slot, connectorClass));
            }
            for (ClientOverrideValidation.Client client : List.of(ClientOverrideValidation.PRODUCER,
                    ClientOverrideValidation.CONSUMER, ClientOverrideValidation.ADMIN)) {
                addPresentPasswords(keys, props, client.prefix(), client.definition());
            }
        } catch (RuntimeException e) {
            log.warn("Could not read every secret setting of connector class {}: {}", props.get(ConnectorConfig.CONNECTOR_CLASS), e.toString());
        }
        return keys;
    }

    private static void addPasswords(Set<String> keys, String prefix, ConfigDef definition) {
        if (definition != null) {
            definition.configKeys().values().stream()
                    .filter(key -> key.type == ConfigDef.Type.PASSWORD)
                    .forEach(key -> keys.add(prefix + key.name));
        }
    }

    private static void addPresentPasswords(Set<String> keys, Map<String, String> props, String prefix, ConfigDef definition) {
        Set<String> all = new TreeSet<>();
        addPasswords(all, prefix, definition);
        all.stream().filter(props::containsKey).forEach(keys::add);
    }

    @SuppressWarnings("unchecked")
    private Class<? extends Connector> connectorClass(String classOrAlias, VersionRequirement version) {
        Class<? extends Connector> latest = connectorClass(classOrAlias);
        return version.isLatest() ? latest : (Class<? extends Connector>) plugins.connectorClass(latest.getName(), version);
    }

    @SuppressWarnings("unchecked")
    private Class<? extends Connector> connectorClass(String classOrAlias) {
        if (classOrAlias == null) {
            throw new BadRequestException("Connector config contains no connector type");
        }
        for (PluginType kind : List.of(PluginType.SOURCE, PluginType.SINK)) {
            try {
                return (Class<? extends Connector>) plugins.pluginClass(classOrAlias.trim(), kind);
            } catch (PluginNotFoundException e) {
                // Not a connector of this kind; try the other.
            }
        }
        List<String> available = new ArrayList<>();
        for (PluginType kind : List.of(PluginType.SOURCE, PluginType.SINK)) {
            plugins.plugins(kind).stream().map(PluginDesc::className).forEach(available::add);
        }
        throw new BadRequestException("Failed to find any class that implements Connector and which name matches "
                + classOrAlias + ", available connectors are: " + String.join(", ", available));
    }

    @Override
    public void close() {
        try {
            policy.close();
        } catch (Exception e) {
            log.warn("Closing the client override policy failed", e);
        }
    }
}
