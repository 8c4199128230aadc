package io.ferry.connect.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import io.ferry.connect.config.ConfigProviders;
import io.ferry.connect.config.DistributedWorkerConfig;
import io.ferry.connect.model.TaskId;
import io.ferry.connect.storage.MemoryOffsetStore;
import org.apache.kafka.common.utils.Time;
import org.junit.jupiter.api.Test;

class ExactlyOnceSourcesTest {

    private static DistributedWorkerConfig config(String exactlyOnce) {
        Map<String, String> props = new HashMap<>();
        props.put("bootstrap.servers", "localhost:9092");
        props.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        props.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
        props.put("group.id", "connect-cluster");
        props.put("config.storage.topic", "connect-configs");
        props.put("offset.storage.topic", "connect-offsets");
        props.put("status.storage.topic", "connect-status");
        props.put("exactly.once.source.support", exactlyOnce);
        return new DistributedWorkerConfig(props);
    }

    @Test
    void shouldUseTransactionsOnlyWhenTheWorkerSaysEnabledWithApachesTransactionalIds() {
        ExactlyOnceSources enabled = ExactlyOnceSources.from(config("enabled"));

        assertThat(enabled.enabled()).isTrue();
        assertThat(enabled.transactionalId(new TaskId("orders", 3))).isEqualTo("connect-cluster-orders-3");
        assertThat(ExactlyOnceSources.from(config("preparing")).enabled()).isFalse();
        assertThat(ExactlyOnceSources.from(config("disabled")).enabled()).isFalse();
        assertThat(ExactlyOnceSources.disabled().enabled()).isFalse();
    }

    @Test
    void shouldRefuseExactlyOnceWithAnOffsetStoreThatIsNotATopic() {
        DistributedWorkerConfig config = config("enabled");

        assertThatThrownBy(() -> new Worker.Settings("w", config, null, null, new MemoryOffsetStore(), ConfigProviders.none(),
                (connector, topic) -> { }, Time.SYSTEM, ExactlyOnceSources.from(config)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an OffsetTopic");
    }

    @Test
    void shouldKeepTheOlderSettingsWithoutExactlyOnce() {
        Worker.Settings settings = new Worker.Settings("w", config("enabled"), null, null, new MemoryOffsetStore(), ConfigProviders.none(),
                (connector, topic) -> { }, Time.SYSTEM);

        assertThat(settings.exactlyOnce().enabled()).isFalse();
    }
}
