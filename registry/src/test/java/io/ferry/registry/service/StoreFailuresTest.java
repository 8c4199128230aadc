package io.ferry.registry.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.ferry.registry.compat.AvroCompatibilityChecker;
import io.ferry.registry.compat.CompatibilityCheckers;
import io.ferry.registry.schema.avro.AvroSchemaProvider;
import io.ferry.registry.store.RecordApplier;
import io.ferry.registry.store.RegistryIndex;
import io.ferry.registry.store.RegistryLog;
import io.ferry.registry.store.RegistryRecord;
import io.ferry.registry.store.StoreException;
import io.ferry.registry.store.StoreTimeoutException;
import org.junit.jupiter.api.Test;

/** What a write answers when the log fails under it: 50001, 50002, or a hand-over to the leader. */
class StoreFailuresTest {
    private final RegistryIndex index = new RegistryIndex();
    private final SchemaTypes types = new SchemaTypes(List.of(new AvroSchemaProvider()), new CompatibilityCheckers(List.of(new AvroCompatibilityChecker())));

    /** A log whose append or sync fails as told. */
    private static final class FailingLog implements RegistryLog {
        private final StoreException onAppend;
        private final StoreException onSync;

        FailingLog(StoreException onAppend, StoreException onSync) {
            this.onAppend = onAppend;
            this.onSync = onSync;
        }

        @Override
        public void start(RecordApplier applier, Duration timeout) {
        }

        @Override
        public void append(List<RegistryRecord> records) throws StoreException {
            if (onAppend != null) {
                throw onAppend;
            }
        }

        @Override
        public void sync(Duration timeout) throws StoreException {
            if (onSync != null) {
                throw onSync;
            }
        }

        @Override
        public String describe() {
            return "failing log";
        }

        @Override
        public void close() {
        }
    }

    private SchemaRegistryService service(RegistryLog log, WriterRole role) {
        return new SchemaRegistryService(index, log, role, types, RegistrySettings.defaults());
    }

    @Test
    void shouldAnswer50001WhenTheLogCannotBeWritten() {
        SchemaRegistryService registry = service(new FailingLog(new StoreException("disk full"), null), WriterRole.ALWAYS);
        assertThatThrownBy(() -> registry.register("s", RegisterRequest.of("\"int\""), false))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(50001);
                    assertThat(e.status()).isEqualTo(500);
                    assertThat(e.getMessage()).isEqualTo("Error while trying to register schema: disk full");
                });
        assertThat(index.subjects()).isEmpty();
    }

    @Test
    void shouldAnswer50002WhenTheLogDoesNotAnswerInTime() {
        SchemaRegistryService registry = service(new FailingLog(null, new StoreTimeoutException("no answer", null)), WriterRole.ALWAYS);
        assertThatThrownBy(() -> registry.deleteSubject("s", false))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(50002);
                    assertThat(e.getMessage()).isEqualTo("Delete subject operation timed out");
                });
    }

    @Test
    void shouldHandWritesToTheLeaderBeforeDecidingAnything() {
        WriterRole follower = new WriterRole() {
            @Override
            public boolean isWriter() {
                return false;
            }

            @Override
            public Optional<String> writerUrl() {
                return Optional.of("http://leader:8081");
            }
        };
        SchemaRegistryService registry = service(new FailingLog(new StoreException("never reached"), null), follower);
        assertThatThrownBy(() -> registry.register("s", RegisterRequest.of("\"int\""), false))
                .isInstanceOf(LeaderRequiredException.class)
                .hasMessageContaining("http://leader:8081");
        assertThatThrownBy(() -> registry.updateMode("s", io.ferry.registry.store.RegistryMode.READONLY, false))
                .isInstanceOf(LeaderRequiredException.class);
    }

    @Test
    void shouldParseVersionsAsConfluentDoes() {
        assertThat(VersionSpec.parse("latest").isLatest()).isTrue();
        assertThat(VersionSpec.parse(" LATEST ").isLatest()).isTrue();
        assertThat(VersionSpec.parse("-1").isLatest()).isTrue();
        assertThat(VersionSpec.parse("7").number()).isEqualTo(7);
        for (String bad : new String[] {"0", "-2", "x", "", "2147483648"}) {
            assertThatThrownBy(() -> VersionSpec.parse(bad)).as(bad)
                    .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(42202));
        }
    }
}
