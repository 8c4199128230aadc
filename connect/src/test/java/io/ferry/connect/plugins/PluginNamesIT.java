package io.ferry.connect.plugins;

import static io.ferry.connect.plugins.TestPluginBuilder.plugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.apache.kafka.common.config.provider.FileConfigProvider;
import org.apache.kafka.connect.source.SourceConnector;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.transforms.Filter;
import org.apache.kafka.connect.transforms.Transformation;
import org.apache.kafka.connect.transforms.predicates.HasHeaderKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Naming plugins: aliases, the aliases that collide and so name nothing, the copy chosen among several
 * versions of a class, and the errors for names that match nothing, on a {@code plugin.path} built at test
 * time (service manifests only, so no scan is needed).
 */
class PluginNamesIT {

    @TempDir
    static Path root;

    static Path pluginPath;
    static Plugins plugins;

    @BeforeAll
    static void discover() throws IOException {
        pluginPath = root.resolve("plugins");
        converter("com.example.a", "DupConverter", "1.0").writeJar(pluginPath.resolve("dup-a.jar"));
        converter("com.example.b", "DupConverter", "1.0").writeJar(pluginPath.resolve("dup-b.jar"));
        converter("com.example.names", "VersionedConverter", "1.9.0").writeJar(pluginPath.resolve("versioned-old.jar"));
        converter("com.example.names", "VersionedConverter", "1.10.0").writeJar(pluginPath.resolve("versioned-new.jar"));
        converter("com.example.names", "VersionedConverter", "1.2.0").writeJar(pluginPath.resolve("versioned-zzz.jar"));
        converter("com.example.names", "EchoConverter", "1.0")
                .source("com.example.names.EchoTransformation", transformation("com.example.names", "EchoTransformation"))
                .service(Transformation.class, "com.example.names.EchoTransformation")
                .writeJar(pluginPath.resolve("echo.jar"));
        converter("com.example.names", "ZedConverter", "1.0")
                .source("com.example.names.ZedConnector", sourceConnector("com.example.names", "ZedConnector"))
                .service(SourceConnector.class, "com.example.names.ZedConnector")
                .writeJar(pluginPath.resolve("zed.jar"));
        plugin().source("com.example.x.TwinConnector", sourceConnector("com.example.x", "TwinConnector"))
                .source("com.example.y.TwinConnector", sourceConnector("com.example.y", "TwinConnector"))
                .service(SourceConnector.class, "com.example.x.TwinConnector", "com.example.y.TwinConnector")
                .writeJar(pluginPath.resolve("twins.jar"));
        plugins = Plugins.discover(List.of(pluginPath), PluginDiscoveryMode.SERVICE_LOAD);
    }

    @AfterAll
    static void close() {
        plugins.close();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource({
        "Filter,                TRANSFORMATION,  org.apache.kafka.connect.transforms.Filter",
        "HasHeaderKey,          PREDICATE,       org.apache.kafka.connect.transforms.predicates.HasHeaderKey",
        "Json,                  CONVERTER,       org.apache.kafka.connect.json.JsonConverter",
        "JsonConverter,         CONVERTER,       org.apache.kafka.connect.json.JsonConverter",
        "String,                CONVERTER,       org.apache.kafka.connect.storage.StringConverter",
        "StringConverter,       HEADER_CONVERTER, org.apache.kafka.connect.storage.StringConverter",
        "Simple,                HEADER_CONVERTER, org.apache.kafka.connect.storage.SimpleHeaderConverter",
        "File,                  CONFIG_PROVIDER, org.apache.kafka.common.config.provider.FileConfigProvider",
        "EchoConverter,         CONVERTER,       com.example.names.EchoConverter",
        "EchoTransformation,    TRANSFORMATION,  com.example.names.EchoTransformation",
        "com.example.a.DupConverter, CONVERTER,  com.example.a.DupConverter",
        "com.example.b.DupConverter, CONVERTER,  com.example.b.DupConverter"})
    void shouldResolveAliasesAndClassNames(String name, PluginType type, String className) {
        assertThat(plugins.pluginClass(name, type).getName()).isEqualTo(className);
    }

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource({
        "Dup,          CONVERTER",       // two DupConverters in different packages
        "DupConverter, CONVERTER",
        "Echo,         CONVERTER",       // EchoConverter and EchoTransformation are both Echo
        "Echo,         TRANSFORMATION",
        "Key,          TRANSFORMATION",  // Cast$Key, Flatten$Key, ...
        "Cast,         TRANSFORMATION",
        "Cast$Key,     TRANSFORMATION"})
    void shouldNotResolveAnAliasThatNamesTwoClasses(String name, PluginType type) {
        assertThatThrownBy(() -> plugins.pluginClass(name, type))
                .isInstanceOf(PluginNotFoundException.class)
                .hasMessageStartingWith("Failed to find any class that implements " + type.superType().getSimpleName()
                        + " and which name matches " + name + ", available plugins are: PluginDesc{");
    }

    @Test
    void shouldStillResolveAConnectorWhoseAliasAnotherKindShares() {
        // ZedConnector and ZedConverter are both "Zed": not an alias, but a connector name still matches.
        assertThat(plugins.pluginClass("Zed", PluginType.SOURCE).getName()).isEqualTo("com.example.names.ZedConnector");
        assertThat(plugins.connectorClass("Zed").getName()).isEqualTo("com.example.names.ZedConnector");
        assertThatThrownBy(() -> plugins.pluginClass("Zed", PluginType.CONVERTER))
                .isInstanceOf(PluginNotFoundException.class);
    }

    @Test
    void shouldRefuseAConnectorNameThatMatchesTwoConnectors() {
        assertThatThrownBy(() -> plugins.pluginClass("Twin", PluginType.SOURCE))
                .isInstanceOf(PluginNotFoundException.class)
                .hasMessageStartingWith("More than one connector matches alias Twin. Please use full package and "
                        + "class name instead. Classes found: ")
                .hasMessageContaining("com.example.x.TwinConnector").hasMessageContaining("com.example.y.TwinConnector");
        assertThat(plugins.pluginClass("com.example.y.TwinConnector", PluginType.SOURCE).getName())
                .isEqualTo("com.example.y.TwinConnector");
    }

    @Test
    void shouldUseTheHighestVersionOfAClassFoundInSeveralPlaces() {
        Class<?> chosen = plugins.pluginClass("Versioned", PluginType.CONVERTER);

        assertThat(Plugins.versionOf(plugins.newInstance(chosen))).isEqualTo("1.10.0");
        assertThat(((PluginClassLoader) chosen.getClassLoader()).location())
                .isEqualTo(pluginPath.resolve("versioned-new.jar"));
        assertThat(plugins.plugins(PluginType.CONVERTER)).filteredOn(desc -> desc.simpleName().equals("VersionedConverter"))
                .extracting(PluginDesc::version).containsExactly("1.2.0", "1.9.0", "1.10.0");
    }

    @Test
    void shouldPreferThePluginPathCopyOfABuiltInPluginOnlyWhenItIsNewer() {
        // connect-json is on the classpath only: the classpath copy is used.
        assertThat(plugins.pluginClass("JsonConverter", PluginType.CONVERTER).getClassLoader())
                .isSameAs(Plugins.class.getClassLoader());
        assertThat(plugins.loaderOf(Filter.class)).isSameAs(plugins.classLoader());
    }

    @Test
    void shouldRefuseAClassOfAnotherKind() {
        assertThatThrownBy(() -> plugins.pluginClass("JsonConverter", PluginType.TRANSFORMATION))
                .isInstanceOf(PluginNotFoundException.class)
                .hasMessageContaining("implements Transformation and which name matches JsonConverter");
        assertThatThrownBy(() -> plugins.pluginClass("java.lang.String", PluginType.CONVERTER))
                .isInstanceOf(PluginNotFoundException.class);
    }

    @Test
    void shouldNameConfigProvidersInErrorsAsApacheDoes() {
        assertThatThrownBy(() -> plugins.pluginClass("Vault", PluginType.CONFIG_PROVIDER))
                .isInstanceOf(PluginNotFoundException.class)
                .hasMessageStartingWith("Failed to find any class that implements ConfigProvider and which name matches "
                        + "Vault, available ConfigProviders are: PluginDesc{")
                .hasMessageContaining(FileConfigProvider.class.getName());
    }

    @Test
    void shouldMakeBuiltInPluginsOfEveryKind() {
        assertThat(plugins.newPlugin("Filter", PluginType.TRANSFORMATION, Transformation.class)).isInstanceOf(Filter.class);
        assertThat(plugins.newPlugin("HasHeaderKey", PluginType.PREDICATE, Object.class)).isInstanceOf(HasHeaderKey.class);
        assertThat(plugins.newPlugin("File", PluginType.CONFIG_PROVIDER, Object.class)).isInstanceOf(FileConfigProvider.class);
        assertThat(plugins.newPlugin("EchoConverter", PluginType.CONVERTER, Converter.class)).isNotNull();
    }

    @Test
    void shouldResolveAliasesThroughTheRoutingLoader() throws ClassNotFoundException {
        assertThat(plugins.classLoader().loadClass("EchoConverter").getName()).isEqualTo("com.example.names.EchoConverter");
        assertThat(plugins.classLoader().loadClass("com.example.names.EchoConverter").getClassLoader())
                .isInstanceOf(PluginClassLoader.class);
    }

    @Test
    void shouldExplainAPluginThatCannotBeInstantiated() {
        assertThatThrownBy(() -> plugins.newInstance(AbstractPlugin.class))
                .isInstanceOf(PluginNotFoundException.class)
                .hasMessageContaining("Could not instantiate " + AbstractPlugin.class.getName())
                .hasCauseInstanceOf(InstantiationException.class);
    }

    /** Not a plugin: cannot be instantiated. */
    abstract static class AbstractPlugin {
    }

    /** A converter plugin reporting a version, in its own package; other plugin tests build theirs with it. */
    static TestPluginBuilder converter(String pkg, String simpleName, String version) {
        String className = pkg + "." + simpleName;
        return plugin().source(className, """
                package %s;
                import java.util.Map;
                import org.apache.kafka.connect.components.Versioned;
                import org.apache.kafka.connect.data.Schema;
                import org.apache.kafka.connect.data.SchemaAndValue;
                import org.apache.kafka.connect.storage.Converter;
                public class %s implements Converter, Versioned {
                    public void configure(Map<String, ?> configs, boolean isKey) { }
                    public byte[] fromConnectData(String topic, Schema schema, Object value) { return null; }
                    public SchemaAndValue toConnectData(String topic, byte[] value) { return null; }
                    public String version() { return "%s"; }
                }
                """.formatted(pkg, simpleName, version)).service(Converter.class, className);
    }

    private static String transformation(String pkg, String simpleName) {
        return """
                package %s;
                import java.util.Map;
                import org.apache.kafka.common.config.ConfigDef;
                import org.apache.kafka.connect.connector.ConnectRecord;
                import org.apache.kafka.connect.transforms.Transformation;
                public class %s<R extends ConnectRecord<R>> implements Transformation<R> {
                    public R apply(R record) { return record; }
                    public ConfigDef config() { return new ConfigDef(); }
                    public void close() { }
                    public void configure(Map<String, ?> configs) { }
                }
                """.formatted(pkg, simpleName);
    }

    private static String sourceConnector(String pkg, String simpleName) {
        return """
                package %s;
                import java.util.List;
                import java.util.Map;
                import org.apache.kafka.common.config.ConfigDef;
                import org.apache.kafka.connect.connector.Task;
                import org.apache.kafka.connect.source.SourceConnector;
                public class %s extends SourceConnector {
                    public String version() { return "1.0"; }
                    public void start(Map<String, String> props) { }
                    public Class<? extends Task> taskClass() { return null; }
                    public List<Map<String, String>> taskConfigs(int maxTasks) { return List.of(); }
                    public void stop() { }
                    public ConfigDef config() { return new ConfigDef(); }
                }
                """.formatted(pkg, simpleName);
    }
}
