package io.ferry.kafka.support.membership;

import java.util.Optional;
import java.util.Set;

import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.IllegalGenerationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.UnknownMemberIdException;

/**
 * Which failures of a transactional producer mean "Kafka no longer accepts this member as
 * leader". What kafka-clients 4.3 throws:
 * <ul>
 *   <li>{@code sendOffsetsToTransaction} with group metadata of a member the coordinator removed,
 *       or of an older generation: the coordinator answers {@code UNKNOWN_MEMBER_ID} or
 *       {@code ILLEGAL_GENERATION}, which the producer throws as {@link CommitFailedException}
 *       (abortable);</li>
 *   <li>the same with a static member replaced by another instance: {@link FencedInstanceIdException}
 *       (abortable);</li>
 *   <li>any step after another producer initialized the same transactional id (a newer leader
 *       claimed): {@link ProducerFencedException} (fatal: the producer must be closed), or, for a
 *       produce request, {@link InvalidProducerEpochException}; a later step then fails with a
 *       {@code KafkaException} whose cause is one of these.</li>
 * </ul>
 * {@link IllegalGenerationException} and {@link UnknownMemberIdException} are listed too, should
 * a client version throw them unwrapped.
 */
final class FencingErrors {

    /** What a failure says about this member's leadership. */
    enum Kind {
        /** The group coordinator refused the generation: the leadership it was made under is over. */
        STALE_GENERATION,
        /** Another producer initialized the leader's transactional id: a claim came after ours. */
        CLAIMED_BY_ANOTHER,
        /** Not a fencing failure. */
        NONE
    }

    private static final Set<Class<? extends Throwable>> STALE_GENERATION = Set.of(
            CommitFailedException.class,
            IllegalGenerationException.class,
            UnknownMemberIdException.class,
            FencedInstanceIdException.class);

    private static final Set<Class<? extends Throwable>> CLAIMED_BY_ANOTHER = Set.of(
            ProducerFencedException.class,
            InvalidProducerEpochException.class);

    private FencingErrors() {
    }

    /** Classifies an error by the first fencing error in its cause chain. */
    static Kind kind(Throwable error) {
        return fencingCause(error).map(cause -> isAny(cause, STALE_GENERATION) ? Kind.STALE_GENERATION : Kind.CLAIMED_BY_ANOTHER)
                .orElse(Kind.NONE);
    }

    static boolean isFencing(Throwable error) {
        return kind(error) != Kind.NONE;
    }

    /** A short reason for a fencing error, naming what Kafka said. */
    static String describe(Throwable error) {
        Throwable cause = fencingCause(error).orElse(error);
        if (cause instanceof FencedInstanceIdException) {
            return "another instance took its static membership (" + cause.getMessage() + ")";
        }
        if (isAny(cause, STALE_GENERATION)) {
            return "the group coordinator no longer accepts its generation (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
        }
        return "a later claim of the leader producer fenced this one (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
    }

    static <T extends Throwable> Optional<T> find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    private static Optional<Throwable> fencingCause(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (isAny(t, STALE_GENERATION) || isAny(t, CLAIMED_BY_ANOTHER)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    private static boolean isAny(Throwable error, Set<Class<? extends Throwable>> types) {
        return types.stream().anyMatch(type -> type.isInstance(error));
    }
}
