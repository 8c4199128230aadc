package io.ferry.connect.storage.kafka;

import java.util.Objects;

/**
 * A request to restart a connector and, optionally, its tasks — {@code POST
 * /connectors/<name>/restart?includeTasks=…&onlyFailed=…} as Apache Kafka Connect takes it.
 *
 * @param connector    the connector's name
 * @param onlyFailed   restart only what is FAILED
 * @param includeTasks restart the connector's tasks as well
 */
public record RestartRequest(String connector, boolean onlyFailed, boolean includeTasks) {

    public RestartRequest {
        Objects.requireNonNull(connector, "connector");
    }
}
