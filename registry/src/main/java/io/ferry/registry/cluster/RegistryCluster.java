package io.ferry.registry.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import io.ferry.kafka.support.membership.GroupMember;
import io.ferry.kafka.support.membership.LeaderElectionPlanner;
import io.ferry.kafka.support.membership.LeaderFencedProducer;
import io.ferry.kafka.support.membership.LeaderTransactionException;
import io.ferry.kafka.support.membership.MemberIdentity;
import io.ferry.kafka.support.membership.MembershipSettings;
import io.ferry.kafka.support.membership.MembershipView;
import io.ferry.registry.service.WriterRole;
import io.ferry.registry.store.NotLeaderException;
import io.ferry.registry.store.StoreException;
import io.ferry.registry.store.kafka.LeaderWriter;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's place in a registry cluster: a member of the registry's Kafka group, which elects
 * one leader among the eligible nodes; and, while it leads, the writer of the schemas topic, in
 * transactions Kafka fences against former leaders.
 */
public final class RegistryCluster implements WriterRole, LeaderWriter, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RegistryCluster.class);

    private final GroupMember member;
    private final LeaderFencedProducer<byte[], byte[]> producer;

    /**
     * @param settings how this node joins the registry's group (its id and URL, eligibility, timeouts)
     * @param producerConfig {@code bootstrap.servers} and security for the leader's producer
     */
    public RegistryCluster(MembershipSettings settings, Map<String, Object> producerConfig) {
        this.member = new GroupMember(settings, new LeaderElectionPlanner());
        Map<String, Object> config = new LinkedHashMap<>(producerConfig);
        // An abandoned transaction holds back every reader until a new leader claims or this runs out.
        config.putIfAbsent("transaction.timeout.ms", 30_000);
        this.producer = LeaderFencedProducer.builder(new ByteArraySerializer(), new ByteArraySerializer())
                .clientConfig(config)
                .transactionalId("ferry-registry-" + settings.groupId())
                .build();
    }

    /** A member identity for a node: its URL is how the others forward to it, and names it. */
    public static MemberIdentity identity(String advertisedUrl) {
        return new MemberIdentity(advertisedUrl, advertisedUrl);
    }

    /** Joins the group, and waits up to {@code timeout} for a first leader to be known. */
    public void start(Duration timeout) {
        member.start(timeout);
        try {
            MembershipView view = member.awaitView(v -> v.isMember() && v.leader().isPresent(), timeout);
            log.info("Registry group {}: generation {}, leader {}", view.groupId(), view.generation(), view.leader().map(MemberIdentity::url).orElse("-"));
        } catch (TimeoutException e) {
            log.warn("No registry leader known after {} ms; writes fail with 50004 until one is elected", timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isWriter() {
        return member.view().isLeader();
    }

    @Override
    public Optional<String> writerUrl() {
        MembershipView view = member.view();
        return view.leader().filter(leader -> !leader.equals(view.self())).map(MemberIdentity::url);
    }

    @Override
    public boolean believesItLeads() {
        return isWriter();
    }

    @Override
    public void claim() throws StoreException {
        MembershipView view = member.view();
        try {
            producer.claim(view);
        } catch (io.ferry.kafka.support.membership.NotLeaderException e) {
            throw new NotLeaderException("this node does not lead the registry: " + e.getMessage(), e);
        } catch (LeaderTransactionException e) {
            throw new StoreException("cannot take over the schemas topic as leader: " + e.getMessage(), e);
        }
    }

    @Override
    public RecordMetadata write(List<ProducerRecord<byte[], byte[]>> records) throws StoreException {
        MembershipView view = member.view();
        CompletableFuture<RecordMetadata> last;
        try {
            last = producer.runInTransaction(view, sender -> {
                List<CompletableFuture<RecordMetadata>> sends = new ArrayList<>(records.size());
                for (ProducerRecord<byte[], byte[]> record : records) {
                    sends.add(sender.send(record));
                }
                return sends.get(sends.size() - 1);
            });
        } catch (io.ferry.kafka.support.membership.NotLeaderException e) {
            throw new NotLeaderException("the write was refused: this node no longer leads the registry", e);
        } catch (LeaderTransactionException e) {
            throw new StoreException((e.outcomeUnknown() ? "the write may or may not have happened: " : "the write failed: ")
                    + e.getMessage(), e);
        }
        try {
            // The transaction committed, so every send completed.
            return last.get();
        } catch (ExecutionException e) {
            throw new StoreException("the write failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while writing", e);
        }
    }

    /** What /health shows of the group. */
    public Map<String, Object> describe() {
        MembershipView view = member.view();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("group", view.groupId());
        details.put("generation", view.generation());
        details.put("leader", view.leader().map(MemberIdentity::url).orElse(null));
        details.put("isLeader", view.isLeader());
        details.put("members", view.members().stream().map(MemberIdentity::url).toList());
        return details;
    }

    /** Whether this node is in the group's current plan. */
    public boolean isMember() {
        return member.view().isMember();
    }

    @Override
    public void close() {
        try {
            producer.close();
        } finally {
            member.close();
        }
    }
}
