package io.ferry.connect.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.ferry.connect.model.State;

class StateDurationsTest {
    private final StateDurations durations = new StateDurations();

    @Test
    void shouldCountTimeFromTheFirstChangeOnly() {
        durations.change(State.RUNNING, 10_000);

        assertThat(durations.ratio(State.RUNNING, 10_000)).as("no time has passed").isZero();
        assertThat(durations.ratio(State.RUNNING, 12_000)).isEqualTo(1.0);
    }

    @Test
    void shouldIgnoreAChangeToTheCurrentState() {
        durations.change(State.PAUSED, 0);
        durations.change(State.RUNNING, 100);
        durations.change(State.RUNNING, 150);

        assertThat(durations.ratio(State.PAUSED, 200)).isEqualTo(0.5);
        assertThat(durations.ratio(State.RUNNING, 200)).isEqualTo(0.5);
        assertThat(durations.current()).isEqualTo(State.RUNNING);
    }

    @Test
    void shouldAddUpSeveralStretchesInTheSameState() {
        durations.change(State.RUNNING, 0);
        durations.change(State.PAUSED, 100);
        durations.change(State.RUNNING, 300);

        assertThat(durations.ratio(State.RUNNING, 400)).isEqualTo(0.5);
        assertThat(durations.ratio(State.PAUSED, 400)).isEqualTo(0.5);
        assertThat(durations.ratio(State.FAILED, 400)).isZero();
    }
}
