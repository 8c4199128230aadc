package io.ferry.kafka.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Formats a node's log directory on first start (what {@code kafka-storage.sh format} does) and
 * recognises it on later starts, so a restart keeps the cluster id, topics and records.
 */
public final class KafkaStorage {
    private static final Logger log = LoggerFactory.getLogger(KafkaStorage.class);
    private static final String META_PROPERTIES = "meta.properties";

    private KafkaStorage() {
    }

    /** A new random cluster id in Kafka's format. */
    public static String newClusterId() {
        return Uuid.randomUuid().toString();
    }

    /**
     * Makes sure {@code dir} exists and this process can write files in it.
     *
     * @throws EmbeddedKafkaException naming the directory and the reason
     */
    public static void requireWritableDirectory(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute);
        } catch (FileAlreadyExistsException e) {
            throw new EmbeddedKafkaException("cannot use data directory " + absolute + ": " + e.getFile() + " exists and is not a directory", e);
        } catch (AccessDeniedException e) {
            throw new EmbeddedKafkaException("cannot create data directory " + absolute + ": permission denied on " + e.getFile(), e);
        } catch (NoSuchFileException e) {
            throw new EmbeddedKafkaException("cannot create data directory " + absolute + ": no such file or directory", e);
        } catch (FileSystemException e) {
            throw new EmbeddedKafkaException("cannot create data directory " + absolute + ": " + describe(e), e);
        } catch (IOException e) {
            throw new EmbeddedKafkaException("cannot create data directory " + absolute + ": " + e.getMessage(), e);
        }
        Path probe = absolute.resolve(".ferry-write-check");
        try {
            Files.writeString(probe, "ok");
            Files.delete(probe);
        } catch (IOException e) {
            String reason = e instanceof AccessDeniedException ? "permission denied"
                    : e instanceof FileSystemException fse ? describe(fse) : e.getMessage();
            throw new EmbeddedKafkaException("cannot write to data directory " + absolute + ": " + reason, e);
        }
    }

    private static String describe(FileSystemException e) {
        String reason = e.getReason();
        return reason != null ? reason.toLowerCase(java.util.Locale.ROOT) : e.getMessage();
    }

    /** The cluster id this directory was formatted with, if it was. */
    public static Optional<String> formattedClusterId(Path logDir) {
        Path metaFile = logDir.resolve(META_PROPERTIES);
        if (!Files.isRegularFile(metaFile)) {
            return Optional.empty();
        }
        Properties meta = new Properties();
        try (InputStream in = Files.newInputStream(metaFile)) {
            meta.load(in);
        } catch (IOException e) {
            throw new EmbeddedKafkaException("cannot read " + metaFile + ": " + e.getMessage(), e);
        }
        return Optional.ofNullable(meta.getProperty("cluster.id"));
    }

    /**
     * Formats the node's log directory unless it already is, and returns the cluster id it holds.
     *
     * @param wantedClusterId the cluster to join or create; empty to keep whatever the directory
     *                        holds, or to create a new cluster
     * @throws EmbeddedKafkaException when the directory is unusable or belongs to another cluster
     */
    public static String formatIfNeeded(KafkaNodeConfig config, Optional<String> wantedClusterId) {
        Path logDir = config.logDir().toAbsolutePath();
        requireWritableDirectory(logDir);
        Optional<String> existing = formattedClusterId(logDir);
        if (existing.isPresent()) {
            if (wantedClusterId.isPresent() && !wantedClusterId.get().equals(existing.get())) {
                throw new EmbeddedKafkaException("data directory " + logDir + " belongs to Kafka cluster " + existing.get()
                        + ", not " + wantedClusterId.get() + "; use another directory");
            }
            log.info("Log directory {} already formatted for cluster {}", logDir, existing.get());
            return existing.get();
        }
        String clusterId = wantedClusterId.orElseGet(KafkaStorage::newClusterId);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (PrintStream printStream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(printStream)
                    .setNodeId(config.nodeId())
                    .setClusterId(clusterId)
                    .setDirectories(List.of(logDir.toString()))
                    .setMetadataLogDirectory(logDir.toString())
                    .setControllerListenerName(KafkaNodeConfig.CONTROLLER_LISTENER)
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setUnstableFeatureVersionsEnabled(false)
                    .setIgnoreFormatted(true)
                    .run();
        } catch (Exception e) {
            throw new EmbeddedKafkaException("cannot format data directory " + logDir + ": " + e.getMessage(), e);
        }
        log.info("Formatted {} for cluster {}: {}", logDir, clusterId, output.toString(StandardCharsets.UTF_8).trim());
        return clusterId;
    }
}
