package io.ferry.connect.errors;

import static io.ferry.connect.errors.TestRecords.consumed;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.transforms.InsertHeader;
import org.apache.kafka.connect.transforms.RegexRouter;
import org.apache.kafka.connect.transforms.Transformation;
import org.junit.jupiter.api.Test;

class InternalSinkRecordTest {
    private final ConsumerRecord<byte[], byte[]> consumed = consumed("orders", 4, 99, "k", "v");

    private InternalSinkRecord record() {
        return InternalSinkRecord.of(consumed, new SchemaAndValue(Schema.STRING_SCHEMA, "k"),
                new SchemaAndValue(Schema.STRING_SCHEMA, "v"), new ConnectHeaders().addString("h", "x"));
    }

    @Test
    void shouldTakeTopicPartitionOffsetAndTimestampFromTheConsumedRecord() {
        InternalSinkRecord record = record();

        assertThat(record.topic()).isEqualTo("orders");
        assertThat(record.kafkaPartition()).isEqualTo(4);
        assertThat(record.kafkaOffset()).isEqualTo(99);
        assertThat(record.timestamp()).isEqualTo(TestRecords.TIMESTAMP);
        assertThat(record.timestampType()).isEqualTo(TimestampType.CREATE_TIME);
        assertThat(record.key()).isEqualTo("k");
        assertThat(record.headers().lastWithName("h").value()).isEqualTo("x");
        assertThat(record.originalRecord()).isSameAs(consumed);
    }

    @Test
    void shouldWrapAConvertedRecordKeepingItsContent() {
        SinkRecord converted = new SinkRecord("orders", 4, null, "k", null, "v", 99, 5L, TimestampType.LOG_APPEND_TIME);

        InternalSinkRecord record = InternalSinkRecord.of(consumed, converted);

        assertThat(record).usingRecursiveComparison().ignoringFields("originalRecord").isEqualTo(converted);
        assertThat(record.originalRecord()).isSameAs(consumed);
    }

    @Test
    void shouldKeepTheConsumedRecordInRecordsMadeByNewRecord() {
        InternalSinkRecord record = record();

        SinkRecord withoutHeaders = record.newRecord("other", 1, null, "k2", null, "v2", 5L);
        SinkRecord withHeaders = record.newRecord("other", 1, null, "k2", null, "v2", 5L, new ConnectHeaders());

        for (SinkRecord made : new SinkRecord[] {withoutHeaders, withHeaders}) {
            assertThat(made).isInstanceOf(InternalSinkRecord.class);
            assertThat(((InternalSinkRecord) made).originalRecord()).isSameAs(consumed);
            assertThat(made.topic()).isEqualTo("other");
            assertThat(made.kafkaOffset()).isEqualTo(99);
            assertThat(made.originalTopic()).isEqualTo("orders");
            assertThat(made.originalKafkaPartition()).isEqualTo(4);
            assertThat(made.originalKafkaOffset()).isEqualTo(99);
        }
        assertThat(withoutHeaders.headers().lastWithName("h").value()).isEqualTo("x");
    }

    @Test
    void shouldKeepTheConsumedRecordThroughApachesTransformations() {
        try (Transformation<SinkRecord> router = new RegexRouter<>(); Transformation<SinkRecord> header = new InsertHeader<>()) {
            router.configure(Map.of("regex", "orders", "replacement", "routed"));
            header.configure(Map.of("header", "via", "value.literal", "ferry"));
            SinkRecord transformed = header.apply(router.apply(record()));

            assertThat(transformed).isInstanceOf(InternalSinkRecord.class);
            assertThat(transformed.topic()).isEqualTo("routed");
            assertThat(transformed.headers().lastWithName("via").value()).isEqualTo("ferry");
            assertThat(((InternalSinkRecord) transformed).originalRecord()).isSameAs(consumed);
            assertThat(transformed.originalTopic()).isEqualTo("orders");
        }
    }
}
