package io.ferry.connect.plugins;

import java.util.List;
import java.util.Set;

/**
 * Which classes a plugin's loader defines itself and which it takes from the framework.
 *
 * <p>A class is <em>shared</em> when it is in a package the framework provides: the JDK's, the Java EE
 * APIs Apache lists, SLF4J, and Kafka's own ({@code org.apache.kafka}). Every other class is
 * <em>isolated</em>. Inside Kafka's packages, the plugin implementations Apache ships — SMTs and
 * predicates, {@code JsonConverter}, the FileStream connectors, MirrorMaker, the converters,
 * {@code StringConverter}, {@code SimpleHeaderConverter}, the client override policies, the config
 * providers, the basic-auth REST extension — are isolated too, while the interfaces they implement
 * stay shared, so that a plugin may bundle its own copy of them.
 *
 * <p>These are exactly the rules of Apache Kafka Connect 4.3 ({@code PluginUtils.shouldLoadInIsolation});
 * {@code IsolationRulesTest} holds the cases. Shared does not mean "framework only": a shared class
 * the framework lacks still loads from the plugin (parent first, then the plugin).
 */
final class IsolationRules {

    /** Package prefixes (each followed by a dot) whose classes the framework provides. */
    private static final List<String> SHARED_PACKAGES = List.of(
            "java",
            "javax.accessibility", "javax.activation", "javax.activity", "javax.annotation",
            "javax.batch.api", "javax.batch.operations", "javax.batch.runtime", "javax.crypto",
            "javax.decorator", "javax.ejb", "javax.el", "javax.enterprise.concurrent",
            "javax.enterprise.context", "javax.enterprise.deploy.model", "javax.enterprise.deploy.shared",
            "javax.enterprise.deploy.spi", "javax.enterprise.event", "javax.enterprise.inject",
            "javax.enterprise.util", "javax.faces", "javax.imageio", "javax.inject", "javax.interceptor",
            "javax.jms", "javax.json", "javax.jws", "javax.lang.model", "javax.mail", "javax.management",
            "javax.naming", "javax.net", "javax.persistence", "javax.print", "javax.resource", "javax.rmi",
            "javax.script", "javax.security.auth", "javax.security.cert", "javax.security.jacc",
            "javax.security.sasl", "javax.servlet", "javax.sound.midi", "javax.sound.sampled", "javax.sql",
            "javax.swing", "javax.tools", "javax.transaction", "javax.validation", "javax.websocket",
            "javax.ws.rs", "javax.xml",
            "org.ietf.jgss", "org.omg.CORBA", "org.omg.CosNaming", "org.omg.Dynamic", "org.omg.DynamicAny",
            "org.omg.IOP", "org.omg.Messaging", "org.omg.PortableInterceptor", "org.omg.PortableServer",
            "org.omg.SendingContext", "org.omg.stub.java.rmi", "org.w3c.dom", "org.xml.sax",
            "org.apache.kafka",
            "org.slf4j");

    private static final String CONNECT = "org.apache.kafka.connect.";
    private static final String TRANSFORMS = CONNECT + "transforms.";
    private static final String POLICIES = CONNECT + "connector.policy.";
    private static final String CONFIG_PROVIDERS = "org.apache.kafka.common.config.provider.";

    /** Kafka packages whose every class is a plugin implementation or its helper. */
    private static final List<String> ISOLATED_KAFKA_PACKAGES = List.of(
            CONNECT + "json.",
            CONNECT + "file.",
            CONNECT + "mirror.",
            // Not a Java package name; Apache lists it, so it stays for an exact match of the rules.
            CONNECT + "mirror-client.",
            CONNECT + "converters.");

    /** Single Kafka classes that are plugin implementations in a package of shared classes. */
    private static final Set<String> ISOLATED_KAFKA_CLASSES = Set.of(
            CONNECT + "storage.StringConverter",
            CONNECT + "storage.SimpleHeaderConverter",
            CONNECT + "rest.basic.auth.extension.BasicAuthSecurityRestExtension");

    /** The contracts that live beside isolated implementations and must stay shared. */
    private static final Set<String> SHARED_CONTRACTS = Set.of(
            TRANSFORMS + "predicates.Predicate",
            POLICIES + "ConnectorClientConfigOverridePolicy",
            POLICIES + "ConnectorClientConfigRequest",
            POLICIES + "ConnectorClientConfigRequest$ClientType",
            CONFIG_PROVIDERS + "ConfigProvider");

    private IsolationRules() {
    }

    /** Whether a plugin's loader looks for the class in the plugin before asking the framework. */
    static boolean loadsInIsolation(String className) {
        return !inSharedPackage(className) || isIsolatedKafkaClass(className);
    }

    /**
     * Whether a plugin's loader looks for the resource in the plugin first. Class files follow the rule
     * of their class, so that {@code getResource("x/Y.class")} names the copy the loader would define;
     * every other resource is looked up in the plugin first.
     */
    static boolean loadsResourceInIsolation(String resourceName) {
        if (!resourceName.endsWith(".class")) {
            return true;
        }
        String className = resourceName.substring(0, resourceName.length() - ".class".length()).replace('/', '.');
        return loadsInIsolation(className);
    }

    private static boolean inSharedPackage(String className) {
        for (String prefix : SHARED_PACKAGES) {
            if (className.startsWith(prefix) && className.length() > prefix.length()
                    && className.charAt(prefix.length()) == '.') {
                return true;
            }
        }
        return false;
    }

    private static boolean isIsolatedKafkaClass(String className) {
        if (SHARED_CONTRACTS.contains(className)) {
            return false;
        }
        if (className.startsWith(TRANSFORMS)) {
            // Transformation and anything whose name begins with it (TransformationChain...) stay shared.
            return !className.startsWith(TRANSFORMS + "Transformation");
        }
        if (className.startsWith(POLICIES) || className.startsWith(CONFIG_PROVIDERS)) {
            return true;
        }
        if (ISOLATED_KAFKA_CLASSES.contains(className)) {
            return true;
        }
        for (String prefix : ISOLATED_KAFKA_PACKAGES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
