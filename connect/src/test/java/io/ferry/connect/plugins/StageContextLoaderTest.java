package io.ferry.connect.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.ferry.connect.worker.pipeline.TransformationChain;
import io.ferry.connect.worker.pipeline.TransformationStage;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.transforms.Transformation;
import org.apache.kafka.connect.transforms.predicates.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A transformation and its predicate may come from different plugin locations (a packaged copy of one, the latest of
 * the other): each runs with its own loader as the thread's context loader, as Apache Kafka Connect runs them.
 */
class StageContextLoaderTest {
    private static final String SMT = "com.example.smt.PassSmt";
    private static final String PREDICATE = "com.example.predicate.LoaderPredicate";

    @TempDir
    static Path root;

    static Plugins plugins;

    @BeforeAll
    static void discover() throws IOException {
        Path pluginPath = root.resolve("plugins");
        TestPluginBuilder.plugin()
                .source(SMT, TestPluginSources.passThroughTransformation(SMT, "1.0", "new ConfigDef()"))
                .service(Transformation.class, SMT)
                .writeJar(pluginPath.resolve("smt/smt.jar"));
        TestPluginBuilder.plugin()
                .source(PREDICATE, """
                        package com.example.predicate;
                        import java.util.Map;
                        import org.apache.kafka.common.config.ConfigDef;
                        import org.apache.kafka.connect.connector.ConnectRecord;
                        import org.apache.kafka.connect.transforms.predicates.Predicate;
                        public class LoaderPredicate<R extends ConnectRecord<R>> implements Predicate<R> {
                            public static volatile ClassLoader tested;
                            public static volatile ClassLoader closed;
                            public static final java.util.List<Object> CLOSED = new java.util.concurrent.CopyOnWriteArrayList<>();
                            public boolean test(R record) {
                                tested = Thread.currentThread().getContextClassLoader();
                                return true;
                            }
                            public ConfigDef config() { return new ConfigDef(); }
                            public void configure(Map<String, ?> configs) { }
                            public void close() {
                                closed = Thread.currentThread().getContextClassLoader();
                                CLOSED.add(this);
                            }
                        }
                        """)
                .service(Predicate.class, PREDICATE)
                .writeJar(pluginPath.resolve("predicate/predicate.jar"));
        plugins = Plugins.discover(List.of(pluginPath), PluginDiscoveryMode.SERVICE_LOAD);
    }

    @AfterAll
    static void close() {
        if (plugins != null) {
            plugins.close();
        }
    }

    @Test
    void shouldTestAndCloseAPredicateWithItsOwnLoaderAsTheContextLoader() throws Exception {
        Map<String, String> config = Map.of("transforms", "t", "transforms.t.type", SMT, "transforms.t.predicate", "p",
                "predicates", "p", "predicates.p.type", PREDICATE);
        List<TransformationStage<SourceRecord>> stages = TransformationChain.stages(config, plugins, null);
        Class<?> predicateClass = plugins.pluginClass(PREDICATE, PluginType.PREDICATE);
        ClassLoader predicateLoader = predicateClass.getClassLoader();
        assertThat(predicateLoader).isNotSameAs(plugins.pluginClass(SMT, PluginType.TRANSFORMATION).getClassLoader());

        stages.get(0).apply(new SourceRecord(Map.of(), Map.of(), "t", Schema.STRING_SCHEMA, "v"));
        stages.forEach(TransformationStage::close);

        assertThat(predicateClass.getField("tested").get(null)).isSameAs(predicateLoader);
        assertThat(predicateClass.getField("closed").get(null)).isSameAs(predicateLoader);
    }

    @Test
    void shouldGiveEachTransformationItsOwnPredicateClosedOnce() throws Exception {
        Map<String, String> config = Map.of("transforms", "a,b", "transforms.a.type", SMT, "transforms.a.predicate", "p",
                "transforms.b.type", SMT, "transforms.b.predicate", "p", "transforms.b.negate", "true",
                "predicates", "p", "predicates.p.type", PREDICATE);
        List<?> closed = (List<?>) plugins.pluginClass(PREDICATE, PluginType.PREDICATE).getField("CLOSED").get(null);
        closed.clear();

        TransformationChain.<SourceRecord>stages(config, plugins, null).forEach(TransformationStage::close);

        assertThat(closed).hasSize(2).doesNotHaveDuplicates();
    }
}
