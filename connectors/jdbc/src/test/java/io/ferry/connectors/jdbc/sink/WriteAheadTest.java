package io.ferry.connectors.jdbc.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;

class WriteAheadTest {

    @Test
    void shouldRunWritesOneAtATimeInOrderOffTheCallersThread() {
        List<String> done = new CopyOnWriteArrayList<>();
        try (WriteAhead writes = new WriteAhead("test-writer")) {
            for (int i = 0; i < 5; i++) {
                int batch = i;
                writes.submit(() -> done.add(batch + "@" + Thread.currentThread().getName()));
            }
            writes.await();
        }
        assertThat(done).containsExactly("0@test-writer", "1@test-writer", "2@test-writer", "3@test-writer", "4@test-writer");
    }

    @Test
    void shouldLetTheCallerGoOnWhileAWriteRunsAndWaitForItOnAwait() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        List<String> done = new CopyOnWriteArrayList<>();
        try (WriteAhead writes = new WriteAhead("test-writer")) {
            writes.submit(() -> {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                done.add("written");
            });
            assertThat(done).isEmpty();
            writes.checkFinished(); // does not block on the running write
            release.countDown();
            writes.await();
            assertThat(done).containsExactly("written");
        }
    }

    @Test
    void shouldRethrowAFailedWriteOnEveryCallAfterIt() {
        try (WriteAhead writes = new WriteAhead("test-writer")) {
            writes.submit(() -> {
                throw new ConnectException("Writing to [orders] failed: boom");
            });
            List<String> after = new CopyOnWriteArrayList<>();
            assertThatThrownBy(() -> writes.submit(() -> after.add("must not run"))).isInstanceOf(ConnectException.class)
                    .hasMessageContaining("boom");
            assertThat(after).isEmpty();
            assertThatThrownBy(writes::await).hasMessageContaining("boom");
            assertThatThrownBy(writes::checkFinished).hasMessageContaining("boom");
        }
    }
}
