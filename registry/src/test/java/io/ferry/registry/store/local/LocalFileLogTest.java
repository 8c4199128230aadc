package io.ferry.registry.store.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.ferry.registry.schema.SchemaType;
import io.ferry.registry.store.RecordKey;
import io.ferry.registry.store.RecordValue;
import io.ferry.registry.store.RegistryRecord;
import io.ferry.registry.store.SchemasTopicCodec;
import io.ferry.registry.store.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileLogTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("schemas.log");
    }

    private static RegistryRecord version(String subject, int version, int id) {
        return RegistryRecord.of(new RecordKey.Schema(subject, version),
                new RecordValue.Schema(subject, version, id, SchemaType.AVRO, "\"string\"", List.of(), null, null, false));
    }

    private List<RegistryRecord> replay() throws StoreException {
        List<RegistryRecord> seen = new ArrayList<>();
        try (LocalFileLog log = new LocalFileLog(file(), new SchemasTopicCodec())) {
            log.start((record, offset) -> seen.add(record), TIMEOUT);
        }
        return seen;
    }

    private void write(List<List<RegistryRecord>> batches) throws StoreException {
        try (LocalFileLog log = new LocalFileLog(file(), new SchemasTopicCodec())) {
            log.start((record, offset) -> { }, TIMEOUT);
            for (List<RegistryRecord> batch : batches) {
                log.append(batch);
            }
        }
    }

    @Test
    void shouldReplayEveryAppendedRecordInOrderWithItsOffset() throws Exception {
        List<Long> offsets = new ArrayList<>();
        try (LocalFileLog log = new LocalFileLog(file(), new SchemasTopicCodec())) {
            log.start((record, offset) -> offsets.add(offset), TIMEOUT);
            log.append(List.of(version("a", 1, 1)));
            log.append(List.of(version("a", 2, 2), version("b", 1, 2), RegistryRecord.tombstone(new RecordKey.Schema("a", 1))));
        }
        assertThat(offsets).containsExactly(0L, 1L, 2L, 3L);
        assertThat(replay()).containsExactly(version("a", 1, 1), version("a", 2, 2), version("b", 1, 2),
                RegistryRecord.tombstone(new RecordKey.Schema("a", 1)));
    }

    @Test
    void shouldCutOffABatchCutShortByACrashAndKeepAppending() throws Exception {
        write(List.of(List.of(version("a", 1, 1)), List.of(version("a", 2, 2))));
        long whole = Files.size(file());
        truncate(whole - 7);

        assertThat(replay()).containsExactly(version("a", 1, 1));
        long repaired = Files.size(file());
        assertThat(repaired).isLessThan(whole - 7);

        write(List.of(List.of(version("a", 2, 3))));
        assertThat(replay()).containsExactly(version("a", 1, 1), version("a", 2, 3));
    }

    @Test
    void shouldCutOffALastBatchWhoseChecksumFails() throws Exception {
        write(List.of(List.of(version("a", 1, 1)), List.of(version("a", 2, 2))));
        flipByte(Files.size(file()) - 3);
        assertThat(replay()).containsExactly(version("a", 1, 1));
    }

    @Test
    void shouldCutOffATailOfZerosLeftByACrash() throws Exception {
        write(List.of(List.of(version("a", 1, 1))));
        Files.write(file(), new byte[5000], StandardOpenOption.APPEND);
        assertThat(replay()).containsExactly(version("a", 1, 1));
        write(List.of(List.of(version("a", 2, 2))));
        assertThat(replay()).containsExactly(version("a", 1, 1), version("a", 2, 2));
    }

    @Test
    void shouldRefuseDamageBeforeTheLastBatchInsteadOfSkippingIt() throws Exception {
        write(List.of(List.of(version("a", 1, 1)), List.of(version("a", 2, 2)), List.of(version("a", 3, 3))));
        flipByte(LogFileFormat.HEADER_SIZE + 12);
        assertThatThrownBy(this::replay)
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("is damaged at byte " + LogFileFormat.HEADER_SIZE)
                .hasMessageContaining("checksum does not match");
    }

    @Test
    void shouldRefuseAFileThatIsNotARegistryLog() throws Exception {
        Files.writeString(file(), "this is not a registry log at all");
        assertThatThrownBy(this::replay).isInstanceOf(StoreException.class).hasMessageContaining("is not a Ferry registry log");
    }

    @Test
    void shouldRecoverFromACrashWhileTheHeaderOfANewLogWasWritten() throws Exception {
        Files.write(file(), new byte[] {'F', 'E', 'R'});
        assertThat(replay()).isEmpty();
        write(List.of(List.of(version("a", 1, 1))));
        assertThat(replay()).containsExactly(version("a", 1, 1));
    }

    @Test
    void shouldLetOnlyOneProcessOpenALog() throws Exception {
        try (LocalFileLog first = new LocalFileLog(file(), new SchemasTopicCodec())) {
            first.start((record, offset) -> { }, TIMEOUT);
            LocalFileLog second = new LocalFileLog(file(), new SchemasTopicCodec());
            assertThatThrownBy(() -> second.start((record, offset) -> { }, TIMEOUT))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("already open");
        }
    }

    private void truncate(long size) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file().toFile(), "rw")) {
            raf.setLength(size);
        }
    }

    private void flipByte(long position) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file().toFile(), "rw")) {
            raf.seek(position);
            int b = raf.read();
            raf.seek(position);
            raf.write(b ^ 0xFF);
        }
    }
}
