package io.ferry.connect.rest.extension;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.ferry.connect.herder.ConnectorStatus;
import io.ferry.connect.herder.Herder;
import io.ferry.connect.herder.TaskStatus;
import io.ferry.connect.model.StateInfo;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.health.ConnectClusterDetails;
import org.apache.kafka.connect.health.ConnectClusterState;
import org.apache.kafka.connect.health.ConnectorHealth;
import org.apache.kafka.connect.health.ConnectorState;
import org.apache.kafka.connect.health.ConnectorType;
import org.apache.kafka.connect.health.TaskState;

/**
 * The cluster as a REST extension sees it, read from the worker's herder (standalone or distributed):
 * connector names and configs wait for the herder at most the request timeout, statuses are the latest
 * this worker knows. Failures are {@link ConnectException}s saying what could not be read; an unknown
 * connector is {@link org.apache.kafka.connect.errors.NotFoundException}. Thread-safe.
 */
final class HerderClusterState implements ConnectClusterState {
    private final Herder herder;
    private final Duration timeout;

    HerderClusterState(Herder herder, Duration timeout) {
        this.herder = herder;
        this.timeout = timeout;
    }

    @Override
    public Collection<String> connectors() {
        return List.copyOf(await(herder.connectors(), "the list of connectors"));
    }

    @Override
    public ConnectorHealth connectorHealth(String connName) {
        ConnectorStatus status = herder.connectorStatus(connName);
        Map<Integer, TaskState> tasks = new LinkedHashMap<>();
        for (TaskStatus task : status.tasks()) {
            StateInfo state = task.state();
            tasks.put(task.id(), new TaskState(task.id(), state.state().name(), state.workerId(), state.trace()));
        }
        StateInfo connector = status.connector();
        return new ConnectorHealth(status.name(), new ConnectorState(connector.state().name(), connector.workerId(), connector.trace()),
                tasks, ConnectorType.valueOf(status.type().name()));
    }

    @Override
    public Map<String, String> connectorConfig(String connName) {
        return Map.copyOf(await(herder.connectorConfig(connName), "the config of connector " + connName));
    }

    @Override
    public ConnectClusterDetails clusterDetails() {
        String clusterId = herder.serverInfo().kafkaClusterId();
        return () -> clusterId;
    }

    private <T> T await(CompletableFuture<T> answer, String what) {
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure && failure.getClass().getName().startsWith("org.apache.kafka")) {
                throw failure;
            }
            throw new ConnectException("Failed to read " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new ConnectException("Timed out after " + timeout.toMillis() + " ms reading " + what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while reading " + what, e);
        }
    }
}
