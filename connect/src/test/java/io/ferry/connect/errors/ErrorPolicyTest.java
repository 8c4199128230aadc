package io.ferry.connect.errors;

import static io.ferry.connect.errors.TestConfigs.sink;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class ErrorPolicyTest {

    @Test
    void shouldFailFastWithTheDefaults() {
        assertThat(ErrorPolicy.from(sink(Map.of()))).isEqualTo(ErrorPolicy.FAIL_FAST);
        assertThat(ErrorPolicy.FAIL_FAST.retryTimeoutMs()).isZero();
        assertThat(ErrorPolicy.FAIL_FAST.tolerateAll()).isFalse();
    }

    @Test
    void shouldReadTheConnectorsErrorSettings() {
        ErrorPolicy policy = ErrorPolicy.from(sink(Map.of("errors.retry.timeout", "-1", "errors.retry.delay.max.ms", "2500",
                "errors.tolerance", "all")));

        assertThat(policy).isEqualTo(new ErrorPolicy(-1, 2500, true));
        assertThat(policy.retriesForever()).isTrue();
    }

    @Test
    void shouldRefuseANegativeMaximumDelayNamingTheSetting() {
        assertThatThrownBy(() -> ErrorPolicy.from(sink(Map.of("errors.retry.delay.max.ms", "-5"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("errors.retry.delay.max.ms");
    }
}
