package io.ferry.serde.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RetryPolicyTest {
    private static final RetryPolicy DEFAULTS = RetryPolicy.defaults();

    static Stream<Arguments> waits() {
        return Stream.of(
                Arguments.of(1, 0.0, 1000), Arguments.of(1, 0.999, 501),
                Arguments.of(2, 0.0, 2000), Arguments.of(3, 0.0, 4000),
                Arguments.of(5, 0.0, 16000), Arguments.of(6, 0.0, 20000), Arguments.of(30, 0.5, 15000));
    }

    @ParameterizedTest(name = "retry {0} with jitter {1} waits {2} ms")
    @MethodSource("waits")
    void shouldDoubleTheWaitUpToTheMaximumMinusJitter(int retry, double random, long millis) {
        assertThat(DEFAULTS.waitBefore(retry, () -> random)).isEqualTo(Duration.ofMillis(millis));
    }
}
