package io.ferry.connect.plugins;

import static io.ferry.connect.plugins.TestPluginBuilder.plugin;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.connect.source.SourceConnector;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.HeaderConverter;
import org.apache.kafka.connect.transforms.Transformation;
import org.apache.kafka.connect.transforms.predicates.Predicate;

/**
 * A {@code plugin.path} where a connector's folder packages its own copy of a converter, an SMT and a predicate, as
 * users do when they copy a converter's jars beside a connector:
 *
 * <pre>
 * alpha/alpha-connector.jar   AlphaSourceConnector 1.0, and OwnConverter 1.0 found nowhere else
 * alpha/tags-1.0.jar          TagConverter, TagSmt, TagMatch 1.0
 * alpha/odd-kinds.jar         TagShape 1.0, only a Converter; TagPlain, no plugin at all
 * beta/beta-connector.jar     BetaSourceConnector 1.0, nothing else
 * tags/tags-2.0.jar           TagConverter, TagSmt, TagMatch 2.0; TagShape 2.0, a Converter, HeaderConverter,
 *                             Transformation and Predicate; TagPlain 2.0, a Converter
 * </pre>
 *
 * So alpha's folder packages, under the names of plugins installed in {@code tags/}, classes of another kind than some
 * settings need: {@code TagShape} named as alpha's header converter, transformation or predicate, {@code TagPlain} as
 * its key or value converter.
 *
 * Each connector's tasks write its name ({@code alpha}, {@code beta}) as a string value; {@code TagSmt} appends
 * {@code |smt-VERSION} and {@code TagConverter} writes the value with {@code |conv-VERSION} appended, so a record
 * shows which copies made it.
 */
final class PackagedCopies {
    static final String ALPHA = "com.example.alpha.AlphaSourceConnector";
    static final String BETA = "com.example.beta.BetaSourceConnector";
    static final String OWN_CONVERTER = "com.example.alpha.OwnConverter";
    static final String TAG_CONVERTER = "com.example.tags.TagConverter";
    static final String TAG_SMT = "com.example.tags.TagSmt";
    static final String TAG_PREDICATE = "com.example.tags.TagMatch";
    static final String TAG_SHAPE = "com.example.tags.TagShape";
    static final String TAG_PLAIN = "com.example.tags.TagPlain";
    /** The jar of alpha's folder that packages classes of other kinds than their copies in {@code tags/}. */
    static final String ODD_KINDS_JAR = "alpha/odd-kinds.jar";
    /** How many records each connector's task writes before it idles. */
    static final int RECORDS = 3;

    private PackagedCopies() {
    }

    /** Writes the plugin folders into {@code pluginPath}. */
    static Path write(Path pluginPath) throws IOException {
        connector("alpha", OWN_CONVERTER).writeJar(pluginPath.resolve("alpha/alpha-connector.jar"));
        tags("1.0").writeJar(pluginPath.resolve("alpha/tags-1.0.jar"));
        plugin()
                .source(TAG_SHAPE, converter(TAG_SHAPE, "1.0"))
                .source(TAG_PLAIN, "package com.example.tags; public class TagPlain { }")
                .service(Converter.class, TAG_SHAPE)
                .writeJar(pluginPath.resolve(ODD_KINDS_JAR));
        connector("beta", null).writeJar(pluginPath.resolve("beta/beta-connector.jar"));
        tags("2.0")
                .source(TAG_SHAPE, everyKind(TAG_SHAPE, "2.0"))
                .source(TAG_PLAIN, converter(TAG_PLAIN, "2.0"))
                .service(Converter.class, TAG_SHAPE, TAG_PLAIN)
                .service(HeaderConverter.class, TAG_SHAPE)
                .service(Transformation.class, TAG_SHAPE)
                .service(Predicate.class, TAG_SHAPE)
                .writeJar(pluginPath.resolve("tags/tags-2.0.jar"));
        return pluginPath;
    }

    /** The config of a source connector of this path ({@code AlphaSource}, {@code BetaSource}) writing to a topic, with one task. */
    static Map<String, String> sourceConfig(String name, String connectorClass, String topic) {
        Map<String, String> config = new HashMap<>();
        config.put("name", name);
        config.put("connector.class", connectorClass);
        config.put("tasks.max", "1");
        config.put("topic", topic);
        return config;
    }

    /** The folder name of the plugin location a class was loaded from; "classpath" for the worker's own classes. */
    static String locationOf(Class<?> pluginClass) {
        return pluginClass.getClassLoader() instanceof PluginClassLoader loader
                ? loader.location().getFileName().toString() : "classpath";
    }

    private static TestPluginBuilder connector(String name, String ownConverter) {
        String capitalised = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        String connector = "com.example." + name + "." + capitalised + "SourceConnector";
        String task = "com.example." + name + "." + capitalised + "SourceTask";
        String configDef = "new ConfigDef().define(\"topic\", ConfigDef.Type.STRING, ConfigDef.Importance.HIGH, \"Where to write.\")";
        TestPluginBuilder builder = plugin()
                .source(connector, TestPluginSources.sourceConnector(connector, "1.0", task, configDef))
                .source(task, TestPluginSources.sourceTask(task, "1.0", RECORDS, name))
                .service(SourceConnector.class, connector);
        if (ownConverter != null) {
            builder.source(ownConverter, converter(ownConverter, "1.0")).service(Converter.class, ownConverter);
        }
        return builder;
    }

    private static TestPluginBuilder tags(String version) {
        return plugin()
                .source(TAG_CONVERTER, converter(TAG_CONVERTER, version))
                .source(TAG_SMT, TestPluginSources.appendingTransformation(TAG_SMT, version, "|smt-" + version))
                .source(TAG_PREDICATE, """
                        package com.example.tags;
                        import java.util.Map;
                        import org.apache.kafka.common.config.ConfigDef;
                        import org.apache.kafka.connect.components.Versioned;
                        import org.apache.kafka.connect.connector.ConnectRecord;
                        import org.apache.kafka.connect.transforms.predicates.Predicate;
                        public class TagMatch<R extends ConnectRecord<R>> implements Predicate<R>, Versioned {
                            public boolean test(R record) { return true; }
                            public ConfigDef config() { return new ConfigDef(); }
                            public void configure(Map<String, ?> configs) { }
                            public void close() { }
                            public String version() { return "%1$s"; }
                        }
                        """.formatted(version))
                .service(Converter.class, TAG_CONVERTER)
                .service(Transformation.class, TAG_SMT)
                .service(Predicate.class, TAG_PREDICATE);
    }

    /** A converter, header converter, pass-through transformation and always-true predicate at once. */
    static String everyKind(String className, String version) {
        return """
                package %1$s;
                import java.util.Map;
                import org.apache.kafka.common.config.ConfigDef;
                import org.apache.kafka.connect.components.Versioned;
                import org.apache.kafka.connect.connector.ConnectRecord;
                import org.apache.kafka.connect.data.Schema;
                import org.apache.kafka.connect.data.SchemaAndValue;
                import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.HeaderConverter;
                import org.apache.kafka.connect.storage.HeaderConverter;
                import org.apache.kafka.connect.transforms.Transformation;
                import org.apache.kafka.connect.transforms.predicates.Predicate;
                public class %2$s<R extends ConnectRecord<R>> implements Converter, HeaderConverter, Transformation<R>, Predicate<R>,
                        Versioned {
                    public void configure(Map<String, ?> configs, boolean isKey) { }
                    public void configure(Map<String, ?> configs) { }
                    public byte[] fromConnectData(String topic, Schema schema, Object value) { return null; }
                    public SchemaAndValue toConnectData(String topic, byte[] value) { return SchemaAndValue.NULL; }
                    public SchemaAndValue toConnectHeader(String topic, String key, byte[] value) { return SchemaAndValue.NULL; }
                    public byte[] fromConnectHeader(String topic, String key, Schema schema, Object value) { return null; }
                    public R apply(R record) { return record; }
                    public boolean test(R record) { return true; }
                    public ConfigDef config() { return new ConfigDef(); }
                    public void close() { }
                    public String version() { return "%3$s"; }
                }
                """.formatted(TestPluginSources.packageOf(className), TestPluginSources.simpleName(className), version);
    }

    /** A string converter that appends {@code |conv-VERSION} to what it writes. */
    static String converter(String className, String version) {
        return """
                package %1$s;
                import java.nio.charset.StandardCharsets;
                import java.util.Map;
                import org.apache.kafka.connect.components.Versioned;
                import org.apache.kafka.connect.data.Schema;
                import org.apache.kafka.connect.data.SchemaAndValue;
                import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.HeaderConverter;
                public class %2$s implements Converter, Versioned {
                    public void configure(Map<String, ?> configs, boolean isKey) { }
                    public byte[] fromConnectData(String topic, Schema schema, Object value) {
                        return value == null ? null : (value + "|conv-%3$s").getBytes(StandardCharsets.UTF_8);
                    }
                    public SchemaAndValue toConnectData(String topic, byte[] value) {
                        return new SchemaAndValue(Schema.OPTIONAL_STRING_SCHEMA, value == null ? null : new String(value, StandardCharsets.UTF_8));
                    }
                    public String version() { return "%3$s"; }
                }
                """.formatted(TestPluginSources.packageOf(className), TestPluginSources.simpleName(className), version);
    }
}
