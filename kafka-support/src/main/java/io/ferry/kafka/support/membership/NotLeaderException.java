package io.ferry.kafka.support.membership;

/**
 * This member may not act as leader: either its own view says so, or Kafka refused a leader-only
 * transaction because the generation it was made under is no longer current or a newer leader
 * has claimed the leader's producer. Nothing the refused transaction wrote becomes visible to
 * {@code read_committed} readers.
 *
 * <p>What to do: stop acting as leader; look at the member's current view, and forward the work to
 * the leader it names (or, if it names this member again, {@link LeaderFencedProducer#claim claim}
 * again and retry).
 */
public class NotLeaderException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int generation;

    public NotLeaderException(String message, int generation, Throwable cause) {
        super(message, cause);
        this.generation = generation;
    }

    public NotLeaderException(String message, int generation) {
        this(message, generation, null);
    }

    /** The generation of the view the member acted on. */
    public int generation() {
        return generation;
    }
}
