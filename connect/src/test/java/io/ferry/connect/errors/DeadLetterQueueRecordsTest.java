package io.ferry.connect.errors;

import static io.ferry.connect.errors.TestRecords.consumed;
import static io.ferry.connect.errors.TestRecords.failed;
import static io.ferry.connect.errors.TestRecords.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

import io.ferry.connect.model.TaskId;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.transforms.RegexRouter;
import org.junit.jupiter.api.Test;

/** The dead-letter queue record of each kind of failed record, without a broker. */
class DeadLetterQueueRecordsTest {
    private static final TaskId TASK = new TaskId("orders-sink", 3);

    private static DeadLetterQueueRecords records(boolean contextHeaders) {
        return new DeadLetterQueueRecords(new DeadLetterQueueSettings("dlq", (short) 1, contextHeaders, TASK));
    }

    /** Header name → UTF-8 text (null for a null value), in order. */
    static Map<String, String> texts(Iterable<Header> headers) {
        Map<String, String> texts = new LinkedHashMap<>();
        headers.forEach(h -> texts.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8)));
        return texts;
    }

    @Test
    void shouldSendTheConsumedBytesAndHeadersOfASinkRecordUnchanged() {
        ConsumerRecord<byte[], byte[]> consumed = consumed("orders", 2, 41, "key-1", "not json");
        ProcessingContext context = failed(ProcessingContext.forSink(consumed), Stage.VALUE_CONVERTER, JsonConverter.class,
                new DataException("bad"));

        ProducerRecord<byte[], byte[]> record = records(false).toRecord(context);

        assertThat(record.topic()).isEqualTo("dlq");
        assertThat(record.partition()).isNull();
        assertThat(record.key()).isEqualTo(utf8("key-1"));
        assertThat(record.value()).isEqualTo(utf8("not json"));
        assertThat(record.timestamp()).isEqualTo(TestRecords.TIMESTAMP);
        assertThat(texts(record.headers())).containsExactly(Map.entry("trace", "t-41"));
    }

    @Test
    void shouldAddApachesContextHeadersToASinkRecord() {
        DataException error = new DataException("bad value");
        ProcessingContext context = failed(ProcessingContext.forSink(consumed("orders", 2, 41, "k", "v")), Stage.TRANSFORMATION,
                RegexRouter.class, error);

        ProducerRecord<byte[], byte[]> record = records(true).toRecord(context);

        Map<String, String> headers = texts(record.headers());
        assertThat(new ArrayList<>(headers.keySet())).containsExactly("trace", "__connect.errors.topic", "__connect.errors.partition",
                "__connect.errors.offset", "__connect.errors.connector.name", "__connect.errors.task.id", "__connect.errors.stage",
                "__connect.errors.class.name", "__connect.errors.exception.class.name", "__connect.errors.exception.message",
                "__connect.errors.exception.stacktrace");
        assertThat(headers).containsEntry("__connect.errors.topic", "orders")
                .containsEntry("__connect.errors.partition", "2")
                .containsEntry("__connect.errors.offset", "41")
                .containsEntry("__connect.errors.connector.name", "orders-sink")
                .containsEntry("__connect.errors.task.id", "3")
                .containsEntry("__connect.errors.stage", "TRANSFORMATION")
                .containsEntry("__connect.errors.class.name", "org.apache.kafka.connect.transforms.RegexRouter")
                .containsEntry("__connect.errors.exception.class.name", "org.apache.kafka.connect.errors.DataException")
                .containsEntry("__connect.errors.exception.message", "bad value");
        assertThat(headers.get("__connect.errors.exception.stacktrace"))
                .startsWith("org.apache.kafka.connect.errors.DataException: bad value")
                .contains("\tat io.ferry.connect.errors.DeadLetterQueueRecordsTest");
    }

    @Test
    void shouldWriteANullMessageHeaderForAnExceptionWithoutMessage() {
        ProcessingContext context = failed(ProcessingContext.forSink(consumed("orders", 0, 1, "k", "v")), Stage.TASK_PUT,
                Object.class, new NullPointerException());

        RecordHeaders headers = (RecordHeaders) records(true).toRecord(context).headers();

        assertThat(headers.lastHeader("__connect.errors.exception.message")).isNotNull()
                .extracting(Header::value).isNull();
    }

    @Test
    void shouldRenderASourceRecordThatWasNotConvertedAsJsonWithSchemas() {
        Schema valueSchema = SchemaBuilder.struct().name("Line").field("text", Schema.STRING_SCHEMA).build();
        SourceRecord source = new SourceRecord(Map.of("file", "a"), Map.of("line", 1L), "lines", null, Schema.STRING_SCHEMA, "k1",
                valueSchema, new Struct(valueSchema).put("text", "hello"), TestRecords.TIMESTAMP);
        source.headers().addInt("attempt", 2);
        ProcessingContext context = failed(ProcessingContext.forSource(source), Stage.TRANSFORMATION, RegexRouter.class,
                new DataException("no"));

        ProducerRecord<byte[], byte[]> record = records(true).toRecord(context);

        assertThat(new String(record.key(), StandardCharsets.UTF_8))
                .isEqualTo("{\"schema\":{\"type\":\"string\",\"optional\":false},\"payload\":\"k1\"}");
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("{\"schema\":{\"type\":\"struct\",\"fields\":"
                + "[{\"type\":\"string\",\"optional\":false,\"field\":\"text\"}],\"optional\":false,\"name\":\"Line\"},"
                + "\"payload\":{\"text\":\"hello\"}}");
        assertThat(record.timestamp()).isEqualTo(TestRecords.TIMESTAMP);
        Map<String, String> headers = texts(record.headers());
        assertThat(headers).containsEntry("attempt", "{\"schema\":{\"type\":\"int32\",\"optional\":false},\"payload\":2}")
                .containsEntry("__connect.errors.topic", "lines")
                .containsEntry("__connect.errors.connector.name", "orders-sink")
                .containsEntry("__connect.errors.stage", "TRANSFORMATION")
                .doesNotContainKeys("__connect.errors.partition", "__connect.errors.offset");
    }

    @Test
    void shouldWriteSourceDataThatDoesNotMatchItsSchemaAsText() {
        SourceRecord source = new SourceRecord(Map.of(), Map.of(), "lines", null, null, null, Schema.INT32_SCHEMA, "not a number");
        ProcessingContext context = failed(ProcessingContext.forSource(source), Stage.VALUE_CONVERTER, JsonConverter.class,
                new DataException("no"));

        ProducerRecord<byte[], byte[]> record = records(false).toRecord(context);

        assertThat(record.value()).isEqualTo(utf8("not a number"));
        assertThat(record.key()).isNull();
        assertThat(record.timestamp()).isNull();
    }

    @Test
    void shouldSendTheConvertedBytesOfASourceRecordKafkaRefused() {
        RecordHeaders converted = new RecordHeaders();
        converted.add("h", utf8("1"));
        ProducerRecord<byte[], byte[]> produced = new ProducerRecord<>("routed-lines", 0, 77L, utf8("ck"), utf8("cv"), converted);
        ProcessingContext context = ProcessingContext.forSource(TestRecords.source("lines", "k", "v")).withProducerRecord(produced);
        failed(context, Stage.KAFKA_PRODUCE, DeadLetterQueueRecordsTest.class, new DataException("too large"));

        ProducerRecord<byte[], byte[]> record = records(true).toRecord(context);

        assertThat(record.key()).isEqualTo(utf8("ck"));
        assertThat(record.value()).isEqualTo(utf8("cv"));
        assertThat(record.timestamp()).isEqualTo(77L);
        assertThat(record.partition()).isNull();
        assertThat(texts(record.headers())).containsEntry("h", "1").containsEntry("__connect.errors.topic", "routed-lines")
                .containsEntry("__connect.errors.stage", "KAFKA_PRODUCE");
    }
}
