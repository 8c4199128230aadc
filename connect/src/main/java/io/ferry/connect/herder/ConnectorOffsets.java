package io.ferry.connect.herder;

import java.util.List;
import java.util.Map;

/**
 * A connector's offsets: for a source, its source partitions and offsets; for a sink, partitions
 * {@code {"kafka_topic","kafka_partition"}} and offsets {@code {"kafka_offset"}}.
 */
public record ConnectorOffsets(List<Offset> offsets) {

    /** One partition and its offset; a null offset (in a change) removes the partition. */
    public record Offset(Map<String, Object> partition, Map<String, Object> offset) {
    }
}
