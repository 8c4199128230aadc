package io.ferry.connect.herder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.ferry.connect.herder.OffsetsAltered;
import io.ferry.connect.herder.ConnectorOffsets;
import io.ferry.connect.herder.BadRequestException;
import io.ferry.connect.config.ConnectorConfig;
import io.ferry.connect.config.WorkerConfig;
import io.ferry.connect.plugins.LoaderSwap;
import io.ferry.connect.plugins.Plugins;
import io.ferry.connect.storage.OffsetCodec;
import io.ferry.connect.storage.OffsetStore;
import io.ferry.connect.storage.SourceOffsets;
import io.ferry.connect.worker.ClientConfigs;
import io.ferry.connect.worker.ConnectorClasses;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.apache.kafka.connect.connector.Connector;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkConnector;
import org.apache.kafka.connect.source.SourceConnector;

/**
 * Reads and changes a connector's offsets for the offsets REST API: a source connector's in the
 * offset store, a sink connector's in its consumer group — with the shapes, checks and messages of
 * Apache Kafka Connect. Changes call the connector's own {@code alterOffsets} first, so a connector
 * that keeps offsets elsewhere can follow.
 */
public final class ConnectorOffsetsManager {
    static final String KAFKA_TOPIC = "kafka_topic";
    static final String KAFKA_PARTITION = "kafka_partition";
    static final String KAFKA_OFFSET = "kafka_offset";
    private static final long ADMIN_TIMEOUT_MS = 30_000;

    private final WorkerConfig worker;
    private final Plugins plugins;
    private final OffsetStore store;
    private final OffsetCodec codec = new OffsetCodec();

    public ConnectorOffsetsManager(WorkerConfig worker, Plugins plugins, OffsetStore store) {
        this.worker = worker;
        this.plugins = plugins;
        this.store = store;
    }

    /** @param config the connector's config, references resolved */
    public ConnectorOffsets offsets(String connector, Map<String, String> config) {
        List<ConnectorOffsets.Offset> offsets = new ArrayList<>();
        if (isSink(config)) {
            sinkOffsets(config).forEach((partition, offset) -> offsets.add(new ConnectorOffsets.Offset(
                    sinkPartition(partition), offset == null ? null : Map.of(KAFKA_OFFSET, offset.offset()))));
        } else {
            new SourceOffsets(connector, store, codec).all().forEach((partition, offset) ->
                    offsets.add(new ConnectorOffsets.Offset(partition, offset)));
        }
        return new ConnectorOffsets(offsets);
    }

    /** Writes the given offsets; a null offset removes its partition. The connector must be stopped. */
    public OffsetsAltered alter(String connector, Map<String, String> config, ConnectorOffsets change) {
        if (change == null || change.offsets() == null || change.offsets().isEmpty()) {
            throw new BadRequestException("The offsets to be modified must not be null or empty");
        }
        boolean sink = isSink(config);
        Map<Map<String, ?>, Map<String, ?>> offsets = new LinkedHashMap<>();
        for (ConnectorOffsets.Offset offset : change.offsets()) {
            if (sink) {
                checkSinkOffset(offset);
            } else {
                checkSourceOffset(offset);
            }
            offsets.put(offset.partition(), offset.offset());
        }
        boolean handledByConnector = callConnector(config, offsets);
        if (sink) {
            alterSinkOffsets(config, offsets);
        } else {
            new SourceOffsets(connector, store, codec).write(offsets);
        }
        return new OffsetsAltered(handledByConnector ? "The offsets for this connector have been altered successfully"
                : "The Connect framework-managed offsets for this connector have been altered successfully. However, if this "
                        + "connector manages offsets externally, they will need to be manually altered in the system that the "
                        + "connector uses.");
    }

    /** Removes every offset of the connector. The connector must be stopped. */
    public OffsetsAltered reset(String connector, Map<String, String> config) {
        boolean sink = isSink(config);
        Map<Map<String, ?>, Map<String, ?>> toNull = new LinkedHashMap<>();
        offsets(connector, config).offsets().forEach(offset -> toNull.put(offset.partition(), null));
        boolean handledByConnector = callConnector(config, toNull);
        if (sink) {
            try (Admin admin = admin(config)) {
                admin.deleteConsumerGroups(List.of(ClientConfigs.sinkGroup(config))).all().get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                    throw groupFailure("reset", config, e.getCause());
                }
            } catch (InterruptedException | TimeoutException e) {
                throw new ConnectException("Timed out resetting the offsets of connector " + connector, e);
            }
        } else {
            new SourceOffsets(connector, store, codec).reset();
        }
        return new OffsetsAltered(handledByConnector ? "The offsets for this connector have been reset successfully"
                : "The Connect framework-managed offsets for this connector have been reset successfully. However, if this "
                        + "connector manages offsets externally, they will need to be manually reset in the system that the "
                        + "connector uses.");
    }

    private boolean isSink(Map<String, String> config) {
        return SinkConnector.class.isAssignableFrom(ConnectorClasses.find(plugins, config));
    }

    private boolean callConnector(Map<String, String> config, Map<Map<String, ?>, Map<String, ?>> offsets) {
        Class<?> connectorClass = ConnectorClasses.find(plugins, config);
        Connector connector = (Connector) plugins.newInstance(connectorClass);
        try (LoaderSwap swap = LoaderSwap.to(plugins.loaderOf(connectorClass))) {
            if (connector instanceof SourceConnector source) {
                return source.alterOffsets(config, offsets);
            }
            Map<TopicPartition, Long> sinkOffsets = new HashMap<>();
            offsets.forEach((partition, offset) -> sinkOffsets.put(topicPartition(partition),
                    offset == null ? null : ((Number) offset.get(KAFKA_OFFSET)).longValue()));
            return ((SinkConnector) connector).alterOffsets(config, sinkOffsets);
        } catch (UnsupportedOperationException e) {
            throw new BadRequestException("Connector " + config.get(ConnectorConfig.NAME) + " does not support altering its offsets: "
                    + e.getMessage());
        } catch (BadRequestException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ConnectException("Failed to alter offsets for connector " + config.get(ConnectorConfig.NAME)
                    + " because it threw an exception: " + e.getMessage(), e);
        }
    }

    private Map<TopicPartition, OffsetAndMetadata> sinkOffsets(Map<String, String> config) {
        try (Admin admin = admin(config)) {
            return admin.listConsumerGroupOffsets(ClientConfigs.sinkGroup(config)).partitionsToOffsetAndMetadata()
                    .get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw groupFailure("read", config, e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new ConnectException("Timed out reading the offsets of connector " + config.get(ConnectorConfig.NAME), e);
        }
    }

    private void alterSinkOffsets(Map<String, String> config, Map<Map<String, ?>, Map<String, ?>> offsets) {
        Map<TopicPartition, OffsetAndMetadata> toWrite = new HashMap<>();
        Set<TopicPartition> toDelete = new HashSet<>();
        offsets.forEach((partition, offset) -> {
            if (offset == null) {
                toDelete.add(topicPartition(partition));
            } else {
                toWrite.put(topicPartition(partition), new OffsetAndMetadata(((Number) offset.get(KAFKA_OFFSET)).longValue()));
            }
        });
        String group = ClientConfigs.sinkGroup(config);
        try (Admin admin = admin(config)) {
            if (!toWrite.isEmpty()) {
                admin.alterConsumerGroupOffsets(group, toWrite).all().get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            }
            if (!toDelete.isEmpty()) {
                admin.deleteConsumerGroupOffsets(group, toDelete).all().get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof GroupIdNotFoundException) || !toWrite.isEmpty()) {
                throw groupFailure("alter", config, e.getCause());
            }
        } catch (InterruptedException | TimeoutException e) {
            throw new ConnectException("Timed out altering the offsets of connector " + config.get(ConnectorConfig.NAME), e);
        }
    }

    private static ConnectException groupFailure(String action, Map<String, String> config, Throwable cause) {
        if (cause instanceof GroupNotEmptyException) {
            return new BadRequestException("Failed to " + action + " consumer group offsets for connector "
                    + config.get(ConnectorConfig.NAME) + " either because its tasks haven't stopped completely yet or the connector "
                    + "was resumed before the request completed. Please try again after a while.");
        }
        return new ConnectException("Failed to " + action + " the offsets of connector " + config.get(ConnectorConfig.NAME) + ": "
                + cause.getMessage(), cause);
    }

    private Admin admin(Map<String, String> config) {
        return Admin.create(ClientConfigs.admin(worker, config, "connector-adminclient-" + config.get(ConnectorConfig.NAME)));
    }

    private static Map<String, Object> sinkPartition(TopicPartition partition) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(KAFKA_TOPIC, partition.topic());
        map.put(KAFKA_PARTITION, partition.partition());
        return map;
    }

    private static TopicPartition topicPartition(Map<String, ?> partition) {
        return new TopicPartition((String) partition.get(KAFKA_TOPIC), ((Number) partition.get(KAFKA_PARTITION)).intValue());
    }

    private static void checkSinkOffset(ConnectorOffsets.Offset offset) {
        Map<String, Object> partition = offset.partition();
        if (partition == null) {
            throw new BadRequestException("The partitions in the request must not be null");
        }
        if (!(partition.get(KAFKA_TOPIC) instanceof String topic) || topic.isBlank()) {
            throw new BadRequestException("Kafka topic names must be valid strings and may not be null");
        }
        if (!(partition.get(KAFKA_PARTITION) instanceof Number number) || number.doubleValue() != number.intValue()
                || number.intValue() < 0) {
            throw new BadRequestException("Kafka partitions must be valid numbers and may not be null");
        }
        if (offset.offset() != null) {
            if (!(offset.offset().get(KAFKA_OFFSET) instanceof Number value) || value.doubleValue() != value.longValue()
                    || value.longValue() < 0) {
                throw new BadRequestException("Kafka offsets must be valid numbers and may not be null");
            }
        }
    }

    private static void checkSourceOffset(ConnectorOffsets.Offset offset) {
        if (offset.partition() == null) {
            throw new BadRequestException("Source partitions may not be null");
        }
        checkPrimitives(offset.partition(), "Partition");
        if (offset.offset() != null) {
            checkPrimitives(offset.offset(), "Offset");
        }
    }

    private static void checkPrimitives(Map<String, Object> values, String what) {
        values.forEach((key, value) -> {
            if (value != null && !(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                throw new BadRequestException(what + " objects may not contain nested fields: '" + key + "' holds " + value);
            }
        });
    }
}
