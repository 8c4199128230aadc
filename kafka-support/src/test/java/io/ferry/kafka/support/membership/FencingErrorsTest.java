package io.ferry.kafka.support.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.IllegalGenerationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TransactionAbortableException;
import org.apache.kafka.common.errors.UnknownMemberIdException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FencingErrorsTest {

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of(new CommitFailedException("Transaction offset Commit failed due to consumer group metadata mismatch"),
                        FencingErrors.Kind.STALE_GENERATION),
                Arguments.of(new IllegalGenerationException("old generation"), FencingErrors.Kind.STALE_GENERATION),
                Arguments.of(new UnknownMemberIdException("removed"), FencingErrors.Kind.STALE_GENERATION),
                Arguments.of(new FencedInstanceIdException("replaced"), FencingErrors.Kind.STALE_GENERATION),
                Arguments.of(new ProducerFencedException("newer producer"), FencingErrors.Kind.CLAIMED_BY_ANOTHER),
                Arguments.of(new InvalidProducerEpochException("stale epoch"), FencingErrors.Kind.CLAIMED_BY_ANOTHER),
                Arguments.of(new KafkaException("Cannot execute transactional method because we are in an error state",
                        new ProducerFencedException("newer producer")), FencingErrors.Kind.CLAIMED_BY_ANOTHER),
                Arguments.of(new KafkaException("error state", new CommitFailedException("mismatch")), FencingErrors.Kind.STALE_GENERATION),
                Arguments.of(new TimeoutException("no answer"), FencingErrors.Kind.NONE),
                Arguments.of(new TransactionAbortableException("abortable"), FencingErrors.Kind.NONE),
                Arguments.of(new KafkaException("record too large"), FencingErrors.Kind.NONE));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("errors")
    void shouldClassifyWhatTheProducerThrows(RuntimeException error, FencingErrors.Kind expected) {
        assertThat(FencingErrors.kind(error)).isEqualTo(expected);
        assertThat(FencingErrors.isFencing(error)).isEqualTo(expected != FencingErrors.Kind.NONE);
    }
}
