package io.ferry.connect.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which classes a plugin loads itself and which come from the framework: the cases of Apache Kafka Connect
 * 4.3's {@code PluginUtils.shouldLoadInIsolation}, including its edges (prefix versus exact names).
 */
class IsolationRulesTest {

    private static final boolean ISOLATED = true;
    private static final boolean SHARED = false;

    static Stream<Arguments> classes() {
        return Stream.of(
                // The JDK and the Java EE APIs Apache lists
                Arguments.of("java.lang.String", SHARED),
                Arguments.of("java.sql.Driver", SHARED),
                Arguments.of("javax.net.ssl.SSLContext", SHARED),
                Arguments.of("javax.security.auth.login.LoginContext", SHARED),
                Arguments.of("javax.management.ObjectName", SHARED),
                Arguments.of("javax.xml.parsers.DocumentBuilder", SHARED),
                Arguments.of("javax.xml.bind.JAXBContext", SHARED),
                Arguments.of("javax.servlet.Filter", SHARED),
                Arguments.of("javax.ws.rs.core.Response", SHARED),
                Arguments.of("javax.annotation.processing.Processor", SHARED),
                Arguments.of("org.w3c.dom.Document", SHARED),
                Arguments.of("org.xml.sax.SAXException", SHARED),
                Arguments.of("org.ietf.jgss.GSSManager", SHARED),
                Arguments.of("org.omg.CORBA.ORB", SHARED),
                // javax packages Apache does not list, other JDK-like names, Jakarta EE
                Arguments.of("javax.cache.Cache", ISOLATED),
                Arguments.of("javax.measure.Unit", ISOLATED),
                Arguments.of("javafx.scene.Node", ISOLATED),
                Arguments.of("jakarta.servlet.Filter", ISOLATED),
                Arguments.of("jdk.internal.misc.Unsafe", ISOLATED),
                Arguments.of("sun.misc.Unsafe", ISOLATED),
                // SLF4J is shared; its bindings and other logging libraries are not
                Arguments.of("org.slf4j.Logger", SHARED),
                Arguments.of("org.slf4j.impl.StaticLoggerBinder", SHARED),
                Arguments.of("org.slf4jx.Logger", ISOLATED),
                Arguments.of("ch.qos.logback.classic.Logger", ISOLATED),
                Arguments.of("org.apache.logging.log4j.Logger", ISOLATED),
                // Kafka's public API and clients
                Arguments.of("org.apache.kafka.clients.producer.KafkaProducer", SHARED),
                Arguments.of("org.apache.kafka.common.config.ConfigDef", SHARED),
                Arguments.of("org.apache.kafka.common.utils.AppInfoParser", SHARED),
                Arguments.of("org.apache.kafka.connect.connector.Connector", SHARED),
                Arguments.of("org.apache.kafka.connect.source.SourceConnector", SHARED),
                Arguments.of("org.apache.kafka.connect.sink.SinkTask", SHARED),
                Arguments.of("org.apache.kafka.connect.data.Schema", SHARED),
                Arguments.of("org.apache.kafka.connect.storage.Converter", SHARED),
                Arguments.of("org.apache.kafka.connect.storage.HeaderConverter", SHARED),
                Arguments.of("org.apache.kafka.connect.storage.StringConverterConfig", SHARED),
                Arguments.of("org.apache.kafka.connect.runtime.Worker", SHARED),
                Arguments.of("org.apache.kafka.connect.rest.ConnectRestExtension", SHARED),
                Arguments.of("org.apache.kafka.connect.jsonx.Other", SHARED),
                // Apache's own plugins inside Kafka's packages are isolated...
                Arguments.of("org.apache.kafka.connect.file.FileStreamSourceConnector", ISOLATED),
                Arguments.of("org.apache.kafka.connect.json.JsonConverter", ISOLATED),
                Arguments.of("org.apache.kafka.connect.json.JsonConverterConfig", ISOLATED),
                Arguments.of("org.apache.kafka.connect.mirror.MirrorSourceConnector", ISOLATED),
                Arguments.of("org.apache.kafka.connect.mirror-client.Anything", ISOLATED),
                Arguments.of("org.apache.kafka.connect.converters.ByteArrayConverter", ISOLATED),
                Arguments.of("org.apache.kafka.connect.storage.StringConverter", ISOLATED),
                Arguments.of("org.apache.kafka.connect.storage.SimpleHeaderConverter", ISOLATED),
                Arguments.of("org.apache.kafka.connect.storage.StringConverter$1", SHARED),
                Arguments.of("org.apache.kafka.connect.rest.basic.auth.extension.BasicAuthSecurityRestExtension", ISOLATED),
                Arguments.of("org.apache.kafka.connect.rest.basic.auth.extension.JaasBasicAuthFilter", SHARED),
                Arguments.of("org.apache.kafka.connect.transforms.Cast$Key", ISOLATED),
                Arguments.of("org.apache.kafka.connect.transforms.util.SimpleConfig", ISOLATED),
                Arguments.of("org.apache.kafka.connect.transforms.predicates.HasHeaderKey", ISOLATED),
                Arguments.of("org.apache.kafka.connect.transforms.predicates.PredicateHelper", ISOLATED),
                Arguments.of("org.apache.kafka.connect.connector.policy.AllConnectorClientConfigOverridePolicy", ISOLATED),
                Arguments.of("org.apache.kafka.connect.connector.policy.ConnectorClientConfigRequest$Other", ISOLATED),
                Arguments.of("org.apache.kafka.common.config.provider.FileConfigProvider", ISOLATED),
                Arguments.of("org.apache.kafka.common.config.provider.ConfigProviderHelper", ISOLATED),
                // ...but the contracts beside them stay shared
                Arguments.of("org.apache.kafka.connect.transforms.Transformation", SHARED),
                Arguments.of("org.apache.kafka.connect.transforms.TransformationChain", SHARED),
                Arguments.of("org.apache.kafka.connect.transforms.predicates.Predicate", SHARED),
                Arguments.of("org.apache.kafka.connect.connector.policy.ConnectorClientConfigOverridePolicy", SHARED),
                Arguments.of("org.apache.kafka.connect.connector.policy.ConnectorClientConfigRequest", SHARED),
                Arguments.of("org.apache.kafka.connect.connector.policy.ConnectorClientConfigRequest$ClientType", SHARED),
                Arguments.of("org.apache.kafka.common.config.provider.ConfigProvider", SHARED),
                // Everything else a plugin brings
                Arguments.of("com.fasterxml.jackson.databind.ObjectMapper", ISOLATED),
                Arguments.of("io.debezium.connector.postgresql.PostgresConnector", ISOLATED),
                Arguments.of("org.postgresql.Driver", ISOLATED),
                Arguments.of("io.ferry.connect.plugins.Plugins", ISOLATED),
                Arguments.of("TopLevelInDefaultPackage", ISOLATED));
    }

    @ParameterizedTest(name = "{0} is isolated: {1}")
    @MethodSource("classes")
    void shouldIsolateExactlyTheClassesApacheIsolates(String className, boolean isolated) {
        assertThat(IsolationRules.loadsInIsolation(className)).isEqualTo(isolated);
    }

    static Stream<Arguments> resources() {
        return Stream.of(
                Arguments.of("org/slf4j/Logger.class", SHARED),
                Arguments.of("org/apache/kafka/connect/sink/SinkConnector.class", SHARED),
                Arguments.of("org/apache/kafka/connect/json/JsonConverter.class", ISOLATED),
                Arguments.of("com/acme/Thing.class", ISOLATED),
                Arguments.of("META-INF/services/org.apache.kafka.connect.storage.Converter", ISOLATED),
                Arguments.of("kafka/kafka-version.properties", ISOLATED),
                Arguments.of("org/slf4j/some.properties", ISOLATED),
                Arguments.of("logback.xml", ISOLATED));
    }

    @ParameterizedTest(name = "{0} is looked up in the plugin first: {1}")
    @MethodSource("resources")
    void shouldLookUpClassFilesByTheirClassAndOtherResourcesInThePluginFirst(String resource, boolean pluginFirst) {
        assertThat(IsolationRules.loadsResourceInIsolation(resource)).isEqualTo(pluginFirst);
    }
}
