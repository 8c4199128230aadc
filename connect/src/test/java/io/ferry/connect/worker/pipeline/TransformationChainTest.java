package io.ferry.connect.worker.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.ferry.connect.plugins.Plugins;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.transforms.Transformation;
import org.apache.kafka.connect.transforms.predicates.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What making a connector's transformation stages does when a transformation or predicate refuses its settings. */
class TransformationChainTest {
    private static final Plugins PLUGINS = Plugins.onClasspath();

    @AfterAll
    static void close() {
        PLUGINS.close();
    }

    @BeforeEach
    void resetCloses() {
        CountingTransformation.CLOSES.set(0);
    }

    @Test
    void shouldKeepWhyATransformationRejectedItsSettingsAsTheCauseAndCloseIt() {
        Map<String, String> config = Map.of("transforms", "bad", "transforms.bad.type", CountingTransformation.class.getName(),
                "transforms.bad.refuse", "true");

        assertThatThrownBy(() -> TransformationChain.<SourceRecord>stages(config, PLUGINS, null))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("transforms.bad.type")
                .hasMessageContaining("the transformation 'bad' rejected its settings: refused")
                .cause().isInstanceOf(IllegalArgumentException.class).hasMessage("refused");
        assertThat(CountingTransformation.CLOSES).hasValue(1);
    }

    @Test
    void shouldCloseTheTransformationWhosePredicateCannotBeMade() {
        Map<String, String> config = Map.of("transforms", "ok", "transforms.ok.type", CountingTransformation.class.getName(),
                "transforms.ok.predicate", "p", "predicates", "p", "predicates.p.type", RefusingPredicate.class.getName());

        assertThatThrownBy(() -> TransformationChain.<SourceRecord>stages(config, PLUGINS, null))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("the predicate 'p' rejected its settings: refused")
                .cause().isInstanceOf(IllegalArgumentException.class);
        assertThat(CountingTransformation.CLOSES).hasValue(1);
    }

    /** Passes records through; refuses its settings when {@code refuse=true}; counts its closes. */
    public static final class CountingTransformation implements Transformation<SourceRecord> {
        static final AtomicInteger CLOSES = new AtomicInteger();

        @Override
        public void configure(Map<String, ?> configs) {
            if ("true".equals(configs.get("refuse"))) {
                throw new IllegalArgumentException("refused");
            }
        }

        @Override
        public SourceRecord apply(SourceRecord record) {
            return record;
        }

        @Override
        public ConfigDef config() {
            return new ConfigDef();
        }

        @Override
        public void close() {
            CLOSES.incrementAndGet();
        }
    }

    /** A predicate that refuses any settings. */
    public static final class RefusingPredicate implements Predicate<SourceRecord> {
        @Override
        public void configure(Map<String, ?> configs) {
            throw new IllegalArgumentException("refused");
        }

        @Override
        public boolean test(SourceRecord record) {
            return true;
        }

        @Override
        public ConfigDef config() {
            return new ConfigDef();
        }

        @Override
        public void close() {
        }
    }
}
