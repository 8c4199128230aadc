package io.ferry.connect.storage.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.ferry.connect.model.State;
import io.ferry.connect.model.StateInfo;
import io.ferry.connect.model.TaskId;
import io.ferry.connect.storage.kafka.KafkaStatusCodec.Status;
import org.junit.jupiter.api.Test;

/** How a worker's status view merges its own writes with records read from the topic ({@link StatusView}). */
class KafkaStatusViewTest {
    private static final StatusKey TASK = new StatusKey.OfTask(new TaskId("orders", 0));
    private static final Status MINE = status(State.RUNNING, "w1", 3);
    private static final Status THEIRS = status(State.RUNNING, "w2", 3);

    private final StatusView view = new StatusView();

    private static Status status(State state, String worker, int generation) {
        return new Status(StateInfo.of(state, worker), generation);
    }

    @Test
    void shouldShowItsOwnWriteAtOnce() {
        assertThat(view.write(TASK, MINE, false)).isEqualTo(1);
        assertThat(view.get(TASK)).isEqualTo(MINE);
    }

    @Test
    void shouldDropAnOlderRecordReadWhileItsOwnWriteIsInFlight() {
        view.write(TASK, MINE, false);
        view.read(TASK, 5, THEIRS);
        assertThat(view.get(TASK)).isEqualTo(MINE);
        view.sent(TASK, 7);
        assertThat(view.get(TASK)).isEqualTo(MINE);
    }

    @Test
    void shouldTakeANewerRecordReadWhileItsOwnWriteIsInFlight() {
        view.write(TASK, MINE, false);
        view.read(TASK, 9, THEIRS);
        view.sent(TASK, 7);
        assertThat(view.get(TASK)).isEqualTo(THEIRS);
    }

    @Test
    void shouldNotGoBackToItsOwnEarlierWriteWhenReadingItBack() {
        Status later = status(State.PAUSED, "w1", 3);
        view.write(TASK, MINE, false);
        view.write(TASK, later, false);
        view.read(TASK, 3, MINE);
        view.sent(TASK, 3);
        assertThat(view.get(TASK)).isEqualTo(later);
        view.read(TASK, 4, later);
        view.sent(TASK, 4);
        assertThat(view.get(TASK)).isEqualTo(later);
    }

    @Test
    void shouldIgnoreRecordsOlderThanItsAcknowledgedWriteAndTakeNewerOnes() {
        view.write(TASK, MINE, false);
        view.sent(TASK, 7);
        view.read(TASK, 5, THEIRS);
        assertThat(view.get(TASK)).isEqualTo(MINE);
        view.read(TASK, 8, null);
        assertThat(view.get(TASK)).isNull();
    }

    @Test
    void shouldTakeTheHeldRecordWhenItsOwnWriteWasDropped() {
        view.write(TASK, MINE, false);
        view.read(TASK, 3, THEIRS);
        view.sent(TASK, -1);
        assertThat(view.get(TASK)).isEqualTo(THEIRS);
    }

    @Test
    void shouldNotWriteAGuardedStatusOverAnotherWorkersNewerGeneration() {
        view.read(TASK, 0, status(State.RUNNING, "w-new", 6));
        assertThat(view.write(TASK, status(State.UNASSIGNED, "w-old", 5), true)).isEqualTo(-1);
        assertThat(view.get(TASK)).isEqualTo(status(State.RUNNING, "w-new", 6));
        assertThat(view.write(TASK, status(State.RUNNING, "w-old", 5), false)).isPositive();
        assertThat(view.write(TASK, status(State.FAILED, "w-old", 4), true)).as("the same worker may").isPositive();
    }

    @Test
    void shouldLetAGuardedStatusOfTheSameOrANewerGenerationThrough() {
        view.read(TASK, 0, status(State.RUNNING, "w-new", 6));
        assertThat(view.write(TASK, status(State.FAILED, "w-old", 6), true)).isPositive();
        assertThat(view.get(TASK)).isEqualTo(status(State.FAILED, "w-old", 6));
    }

    @Test
    void shouldTellWhetherAWriteWasSuperseded() {
        int first = view.write(TASK, MINE, false);
        assertThat(view.isLatest(TASK, first)).isTrue();
        int second = view.write(TASK, THEIRS, false);
        assertThat(view.isLatest(TASK, first)).isFalse();
        assertThat(view.isLatest(TASK, second)).isTrue();
    }

    @Test
    void shouldWaitUntilEveryWriteIsOver() throws Exception {
        view.write(TASK, MINE, false);
        assertThat(view.awaitWritten(Duration.ofMillis(20))).isFalse();
        view.sent(TASK, 1);
        assertThat(view.awaitWritten(Duration.ofMillis(20))).isTrue();
    }
}
