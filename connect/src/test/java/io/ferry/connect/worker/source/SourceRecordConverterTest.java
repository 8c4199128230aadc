package io.ferry.connect.worker.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.ferry.connect.errors.ErrorPolicy;
import io.ferry.connect.errors.ProcessingContext;
import io.ferry.connect.errors.RetryWithTolerance;
import io.ferry.connect.metrics.ErrorHandlingMetrics;
import io.ferry.connect.worker.pipeline.TaskConverters;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.SimpleHeaderConverter;
import org.apache.kafka.connect.storage.StringConverter;
import org.junit.jupiter.api.Test;

/** A source record becomes the producer record of its converted key, value and headers. */
class SourceRecordConverterTest {

    /** A value converter that, like converters carrying the schema id in a header, adds a header as it converts. */
    private static final class HeaderAdding implements Converter {
        @Override
        public void configure(Map<String, ?> configs, boolean isKey) {
        }

        @Override
        public byte[] fromConnectData(String topic, Schema schema, Object value) {
            throw new UnsupportedOperationException("the converter's header-aware method is the one called");
        }

        @Override
        public byte[] fromConnectData(String topic, Headers headers, Schema schema, Object value) {
            headers.add("value.schema", "7".getBytes(StandardCharsets.UTF_8));
            return value.toString().getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public SchemaAndValue toConnectData(String topic, byte[] value) {
            throw new UnsupportedOperationException();
        }
    }

    private static SourceRecordConverter converter(Converter values) {
        RetryWithTolerance errors = new RetryWithTolerance(new ErrorPolicy(0, 0, false), List.of(), ErrorHandlingMetrics.NONE,
                Time.SYSTEM);
        return new SourceRecordConverter(new TaskConverters(new StringConverter(), values, new SimpleHeaderConverter()), errors);
    }

    private static SourceRecord record() {
        return new SourceRecord(Map.of("file", "a"), Map.of("line", 1L), "lines", 0, Schema.STRING_SCHEMA, "k",
                Schema.STRING_SCHEMA, "v", 1_700_000_000_000L);
    }

    private static ProducerRecord<byte[], byte[]> convert(SourceRecordConverter converter, SourceRecord record) {
        return converter.convert(ProcessingContext.forSource(record), record);
    }

    private static List<String> headerKeys(ProducerRecord<byte[], byte[]> record) {
        return java.util.stream.StreamSupport.stream(record.headers().spliterator(), false).map(Header::key).toList();
    }

    @Test
    void shouldSendARecordWithoutHeadersWithNone() {
        ProducerRecord<byte[], byte[]> sent = convert(converter(new StringConverter()), record());
        assertThat(sent.topic()).isEqualTo("lines");
        assertThat(sent.partition()).isZero();
        assertThat(sent.timestamp()).isEqualTo(1_700_000_000_000L);
        assertThat(new String(sent.key(), StandardCharsets.UTF_8)).isEqualTo("k");
        assertThat(new String(sent.value(), StandardCharsets.UTF_8)).isEqualTo("v");
        assertThat(headerKeys(sent)).isEmpty();
    }

    @Test
    void shouldKeepTheHeadersAConverterAddsToARecordThatHadNone() {
        ProducerRecord<byte[], byte[]> sent = convert(converter(new HeaderAdding()), record());
        assertThat(headerKeys(sent)).containsExactly("value.schema");
        assertThat(sent.headers().lastHeader("value.schema").value()).asString(StandardCharsets.UTF_8).isEqualTo("7");
    }

    @Test
    void shouldSendTheRecordsOwnHeadersConvertedThenThoseTheConverterAdds() {
        SourceRecord record = record();
        record.headers().addString("trace", "t-1");
        ProducerRecord<byte[], byte[]> sent = convert(converter(new HeaderAdding()), record);
        assertThat(headerKeys(sent)).containsExactly("trace", "value.schema");
        assertThat(sent.headers().lastHeader("trace").value()).asString(StandardCharsets.UTF_8).isEqualTo("t-1");
    }
}
