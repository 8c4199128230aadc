package io.ferry.connectors.datagen.generate;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

/** A record is a pure function of (seed, task, sequence): the same three numbers, the same record. */
class DatagenDrawTest {
    private static final DatagenSchemaCompiler.Compiled ROW = DatagenSchemaCompiler.compile("""
            {"type": "record", "name": "Row", "fields": [
              {"name": "n", "type": "long"},
              {"name": "s", "type": {"type": "string", "arg.properties": {"regex": "[a-z]{12}"}}},
              {"name": "d", "type": ["null", "double"]}
            ]}""");

    private static Struct row(long seed, int task, long sequence) {
        return (Struct) ROW.generator().next(DatagenDraw.of(seed, task, sequence));
    }

    @Test
    void shouldGenerateTheSameRecordFromTheSameSeedTaskAndSequence() {
        for (long sequence = 0; sequence < 100; sequence++) {
            assertThat(row(42, 3, sequence)).isEqualTo(row(42, 3, sequence));
        }
    }

    @Test
    void shouldNotDependOnWhatWasGeneratedBefore() {
        Struct direct = row(42, 0, 77);
        for (long sequence = 0; sequence < 77; sequence++) {
            row(42, 0, sequence);
        }
        assertThat(row(42, 0, 77)).isEqualTo(direct);
    }

    @Test
    void shouldGenerateDifferentRecordsForAnotherSequenceTaskOrSeed() {
        Struct base = row(42, 0, 5);
        assertThat(row(42, 0, 6)).isNotEqualTo(base);
        assertThat(row(42, 1, 5)).isNotEqualTo(base);
        assertThat(row(43, 0, 5)).isNotEqualTo(base);
        assertThat(row(42, 1, 5).get("n")).isNotEqualTo(row(42, 0, 6).get("n"));
    }
}
