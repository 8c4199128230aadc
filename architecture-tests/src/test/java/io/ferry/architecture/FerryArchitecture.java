package io.ferry.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.List;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/**
 * The layering rules of docs/architecture.md, as ArchUnit rules over a root package: {@code io.ferry}
 * for Ferry itself, a fixture package to prove each rule catches what it forbids.
 */
final class FerryArchitecture {

    /** Packages of Kafka's broker, which only the embedded node may use. */
    static final String[] KAFKA_SERVER_PACKAGES = {
        "kafka..", "org.apache.kafka.server..", "org.apache.kafka.raft..", "org.apache.kafka.metadata..",
        "org.apache.kafka.controller..", "org.apache.kafka.image..", "org.apache.kafka.storage..",
        "org.apache.kafka.coordinator..", "org.apache.kafka.security..", "org.apache.kafka.network.."
    };

    /** Packages that serve HTTP, which only {@code rest} packages may use. */
    static final String[] HTTP_SERVER_PACKAGES = {
        "io.javalin..", "org.eclipse.jetty..", "jakarta.servlet..", "javax.servlet..", "com.sun.net.httpserver.."
    };

    private final String root;

    FerryArchitecture(String root) {
        this.root = root;
    }

    private String pkg(String module) {
        return root + "." + module + "..";
    }

    /** Modules depend downward only: cli → connect, registry → serde → kafka-support, protobuf-support; cli, testkit → kafka-embedded. */
    ArchRule modulesDependDownwardOnly() {
        return layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("cli").definedBy(pkg("cli"))
                .layer("connect").definedBy(pkg("connect"))
                .layer("registry").definedBy(pkg("registry"))
                .layer("serde").definedBy(pkg("serde"))
                .layer("kafka-support").definedBy(pkg("kafka.support"))
                .layer("protobuf-support").definedBy(pkg("protobuf"))
                .layer("kafka-embedded").definedBy(pkg("kafka.embedded"))
                .layer("testkit").definedBy(pkg("testkit"))
                .layer("connectors").definedBy(pkg("connectors"))
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("connect").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("registry").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("serde").mayOnlyBeAccessedByLayers("connect", "registry", "cli")
                .whereLayer("kafka-support").mayOnlyBeAccessedByLayers("serde", "connect", "registry", "cli")
                .whereLayer("protobuf-support").mayOnlyBeAccessedByLayers("serde", "connect", "registry", "cli")
                .whereLayer("kafka-embedded").mayOnlyBeAccessedByLayers("testkit", "cli")
                .whereLayer("testkit").mayNotBeAccessedByAnyLayer()
                .whereLayer("connectors").mayNotBeAccessedByAnyLayer()
                .because("dependencies point downward only (docs/architecture.md, Modules)");
    }

    /** Ferry's connectors are written against connect-api alone, like anyone's plugin. */
    ArchRule connectorsUseConnectApiOnly() {
        return noClasses().that().resideInAPackage(pkg("connectors"))
                .should().dependOnClassesThat().resideInAnyPackage(
                        pkg("cli"), pkg("connect"), pkg("registry"), pkg("serde"), pkg("kafka"), pkg("testkit"),
                        "org.apache.kafka.connect.runtime..", "kafka..")
                .allowEmptyShould(true)
                .because("Ferry's connectors must run unchanged in any Connect runtime");
    }

    /**
     * Only {@code rest} packages serve HTTP; the domain and its stores know nothing of it. (The
     * benchmarks' hello server measures the HTTP stack itself.)
     */
    ArchRule onlyRestPackagesServeHttp() {
        return noClasses().that().resideInAPackage(root + "..")
                .and().resideOutsideOfPackages("..rest..", pkg("bench"))
                .should().dependOnClassesThat().resideInAnyPackage(HTTP_SERVER_PACKAGES)
                .allowEmptyShould(true)
                .because("rest packages are thin adapters; nothing else knows HTTP");
    }

    /** Nothing but composition roots (cli, a module's server package) and other rest code reaches into a rest package. */
    ArchRule restPackagesAreLeaves() {
        return noClasses().that().resideInAPackage(root + "..")
                .and().resideOutsideOfPackages("..rest..", "..server..", pkg("cli"))
                .should().dependOnClassesThat().resideInAPackage(root + "..rest..")
                .allowEmptyShould(true)
                .because("domain and store code never import rest (a store that knows HTTP cannot be reused)");
    }

    /** Kafka's broker classes are used by the embedded node only; everything else uses kafka-clients. */
    ArchRule onlyTheEmbeddedNodeUsesKafkaServerClasses() {
        return noClasses().that().resideInAPackage(root + "..")
                .and().resideOutsideOfPackage(pkg("kafka.embedded"))
                .should().dependOnClassesThat().resideInAnyPackage(KAFKA_SERVER_PACKAGES)
                .allowEmptyShould(true)
                .because("Kafka is the engine: Ferry talks to it through kafka-clients, and embeds it only in one place");
    }

    /** No package depends on another that depends back on it. */
    ArchRule noPackageCycles() {
        return slices().matching(root + ".(**)").should().beFreeOfCycles().allowEmptyShould(true);
    }

    /** Libraries log through SLF4J; only command-line programs (cli, bench) write to the console. */
    ArchRule onlyTheCommandLineWritesToTheConsole() {
        return noClasses().that().resideInAPackage(root + "..")
                .and().resideOutsideOfPackages(pkg("cli"), pkg("bench"))
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .allowEmptyShould(true)
                .because("standard output belongs to the command's user; everything else logs");
    }

    List<ArchRule> all() {
        return List.of(modulesDependDownwardOnly(), connectorsUseConnectApiOnly(), onlyRestPackagesServeHttp(),
                restPackagesAreLeaves(), onlyTheEmbeddedNodeUsesKafkaServerClasses(), noPackageCycles(),
                onlyTheCommandLineWritesToTheConsole());
    }
}
