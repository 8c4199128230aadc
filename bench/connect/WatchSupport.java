import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * What the Connect benchmarks' watchers (ConnectWatch, DistributedWatch) observe a worker with: a
 * topic's end offsets, a GET that tolerates a server not listening yet, and the line count of a growing file.
 * Compiled with each watcher by {@code compile_watch} in bench/lib.sh.
 */
final class WatchSupport {
    /** One client for every request of a watcher. */
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private WatchSupport() {
    }

    /** The sum of the partitions' end offsets: how many records a new topic holds. */
    static long endOffsets(Admin admin, List<TopicPartition> partitions) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get().values().stream().mapToLong(r -> r.offset()).sum();
    }

    /** GET with a 5 s timeout; null when nothing answers (not listening yet, or gone). */
    static HttpResponse<String> get(String url) throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException notAnswering) {
            return null;
        }
    }

    /** Counts the newlines of a growing file, reading only what was appended since the last call. */
    static final class LineCounter {
        private final Path file;
        private final ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
        private long position;
        private long lines;

        LineCounter(Path file) {
            this.file = file;
        }

        /** Lines so far; 0 while the file does not exist. */
        long count() throws IOException {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                channel.position(position);
                for (int read = channel.read(buffer); read > 0; read = channel.read(buffer)) {
                    position += read;
                    buffer.flip();
                    while (buffer.hasRemaining()) {
                        if (buffer.get() == '\n') {
                            lines++;
                        }
                    }
                    buffer.clear();
                }
            } catch (NoSuchFileException notYet) {
                return 0;
            }
            return lines;
        }
    }

    /** A watch that cannot finish: a task failed or the timeout passed. The watcher exits 1 with the message. */
    static final class WatchFailed extends RuntimeException {
        WatchFailed(String message) {
            super(message);
        }
    }
}
