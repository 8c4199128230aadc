package io.ferry.kafka.support.tailer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

class PositionWaitersTest {

    @Test
    void shouldCompleteAWaiterOnlyOnceItsOffsetIsPassed() {
        PositionWaiters waiters = new PositionWaiters();
        CompletableFuture<Void> atFive = waiters.awaitApplied(0, 5);
        waiters.advance(0, 5);
        assertThat(atFive).isNotDone();
        waiters.advance(0, 6);
        assertThat(atFive).isCompleted();
    }

    @Test
    void shouldCompleteAtOnceWhenTheOffsetWasAlreadyApplied() {
        PositionWaiters waiters = new PositionWaiters();
        waiters.advance(2, 10);
        assertThat(waiters.awaitApplied(2, 9)).isCompleted();
        assertThat(waiters.awaitApplied(2, 10)).isNotDone();
        assertThat(waiters.awaitApplied(1, 0)).as("another partition").isNotDone();
    }

    @Test
    void shouldNeverMovePositionsBackwards() {
        PositionWaiters waiters = new PositionWaiters();
        waiters.advance(0, 10);
        waiters.advance(0, 3);
        assertThat(waiters.positions()).containsEntry(0, 10L);
    }

    @Test
    void shouldFailPendingAndLaterWaitersOnClose() {
        PositionWaiters waiters = new PositionWaiters();
        CompletableFuture<Void> pending = waiters.awaitApplied(0, 1);
        waiters.close(new TailerException("closed"));
        assertThat(pending).isCompletedExceptionally();
        assertThat(waiters.awaitApplied(0, 0)).isCompletedExceptionally();
    }
}
