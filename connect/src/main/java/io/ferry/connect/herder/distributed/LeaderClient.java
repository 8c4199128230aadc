package io.ferry.connect.herder.distributed;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * How a worker reaches its cluster's leader for what only the leader writes: the task configs its
 * connector generated. Implemented over the leader's REST API.
 */
@FunctionalInterface
public interface LeaderClient {

    /**
     * @param leaderUrl where the leader's REST API answers
     * @return completes once the leader stored them; exceptionally when it did not (not the leader
     *         any more, unreachable, refused)
     */
    CompletableFuture<Void> putTaskConfigs(String leaderUrl, String connector, List<Map<String, String>> taskConfigs);
}
