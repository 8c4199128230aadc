package io.ferry.connect.errors;

import static io.ferry.connect.errors.TestRecords.consumed;
import static io.ferry.connect.errors.TestRecords.failed;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.ferry.connect.model.TaskId;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.transforms.RegexRouter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LogReporterTest {
    private static final TaskId TASK = new TaskId("orders-sink", 2);

    private final Logger logger = (Logger) LoggerFactory.getLogger(LogReporter.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final CountingMetrics metrics = new CountingMetrics();

    @BeforeEach
    void capture() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void release() {
        logger.detachAppender(logged);
    }

    @Test
    void shouldLogTheTaskStageAndClassWithTheFailureAtError() {
        DataException error = new DataException("Converting byte[] to Kafka Connect data failed due to serialization error");
        ProcessingContext context = failed(ProcessingContext.forSink(consumed("orders", 3, 17, "k", "v")),
                Stage.VALUE_CONVERTER, JsonConverter.class, error);

        new LogReporter(TASK, false, metrics).report(context);

        assertThat(logged.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getFormattedMessage()).isEqualTo("Error encountered in task orders-sink-2. Executing stage "
                    + "'VALUE_CONVERTER' with class 'org.apache.kafka.connect.json.JsonConverter'.");
            assertThat(event.getThrowableProxy().getClassName()).isEqualTo(DataException.class.getName());
            assertThat(event.getThrowableProxy().getMessage()).isEqualTo(error.getMessage());
        });
        assertThat(metrics.logged).hasValue(1);
    }

    @Test
    void shouldNameTheConsumedRecordButNotItsDataWhenAskedToIncludeMessages() {
        ProcessingContext context = failed(ProcessingContext.forSink(consumed("orders", 3, 17, "secret-key", "secret-value")),
                Stage.TRANSFORMATION, RegexRouter.class, new DataException("no"));

        new LogReporter(TASK, true, metrics).report(context);

        assertThat(logged.list).singleElement().extracting(ILoggingEvent::getFormattedMessage).isEqualTo(
                "Error encountered in task orders-sink-2. Executing stage 'TRANSFORMATION' with class "
                        + "'org.apache.kafka.connect.transforms.RegexRouter', where consumed record is {topic='orders', partition=3, "
                        + "offset=17, timestamp=" + TestRecords.TIMESTAMP + ", timestampType=CreateTime}.");
    }

    @Test
    void shouldLeaveOutTheTimestampOfAConsumedRecordThatHasNone() {
        ConsumerRecord<byte[], byte[]> untimed = new ConsumerRecord<>("orders", 0, 5, ConsumerRecord.NO_TIMESTAMP,
                TimestampType.NO_TIMESTAMP_TYPE, 0, 0, null, null, new org.apache.kafka.common.header.internals.RecordHeaders(),
                Optional.empty());
        ProcessingContext context = failed(ProcessingContext.forSink(untimed), Stage.KEY_CONVERTER, JsonConverter.class,
                new DataException("no"));

        new LogReporter(TASK, true, metrics).report(context);

        assertThat(logged.list).singleElement().extracting(ILoggingEvent::getFormattedMessage).asString()
                .endsWith(", where consumed record is {topic='orders', partition=0, offset=5}.");
    }

    @Test
    void shouldShowTheWholeSourceRecordWhenAskedToIncludeMessages() {
        ProcessingContext context = failed(ProcessingContext.forSource(TestRecords.source("lines", "key-1", "value-1")),
                Stage.KAFKA_PRODUCE, LogReporterTest.class, new DataException("refused"));

        new LogReporter(TASK, true, metrics).report(context);

        assertThat(logged.list).singleElement().extracting(ILoggingEvent::getFormattedMessage).asString()
                .startsWith("Error encountered in task orders-sink-2. Executing stage 'KAFKA_PRODUCE' with class '"
                        + LogReporterTest.class.getName() + "', where source record is = SourceRecord{")
                .contains("key=key-1", "value=value-1")
                .endsWith(".");
    }

    @Test
    void shouldLogNothingForARecordThatDidNotFail() {
        new LogReporter(TASK, true, metrics).report(ProcessingContext.forSink(consumed("orders", 0, 1, "k", "v")));

        assertThat(logged.list).isEmpty();
        assertThat(metrics.logged).hasValue(0);
    }
}
