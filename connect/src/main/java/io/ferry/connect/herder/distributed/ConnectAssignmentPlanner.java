package io.ferry.connect.herder.distributed;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

import io.ferry.connect.model.TaskId;
import io.ferry.kafka.support.membership.LeaderElectionPlanner;
import io.ferry.kafka.support.membership.MemberMetadata;
import io.ferry.kafka.support.membership.MembershipPlan;
import io.ferry.kafka.support.membership.MembershipPlanner;
import io.ferry.kafka.support.membership.PreviousPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Assigns connectors and tasks to the workers of a generation, incrementally: what a worker runs
 * stays where it is; what nobody runs (new, or left behind by a worker that is gone) goes to the
 * least loaded workers at once; and to balance, work is taken from workers that run more than their
 * share and handed out one round later, after they stopped it (they are told to join again), so that
 * nothing ever runs on two workers at once. Connectors and tasks are balanced separately.
 *
 * <p>A grace ({@code scheduled.rebalance.max.delay.ms}) holds back the work of a worker that left:
 * it goes to a worker that joins meanwhile (the one that left, restarted), or to everyone once the
 * grace is over, when the leader asks for a new plan. To tell the work of a departed worker from new
 * work, the planner remembers the work of the last plan it made; this is the one piece of state it
 * keeps between calls, and when another worker starts computing plans it knows nothing to hold back
 * (the work is given out at once, as with no grace).
 *
 * <p>The leader is elected as {@link LeaderElectionPlanner} does (the incumbent stays). A worker
 * whose internal topics differ from the leader's gets an error instead of work. When the worker
 * computing the plan has read less of the config topic than another worker announces, it plans
 * nothing: every worker keeps what it runs (the plan echoes it, so the next plan knows it), and the
 * computing worker catches up and asks for a plan again.
 */
final class ConnectAssignmentPlanner implements MembershipPlanner {
    private static final Logger log = LoggerFactory.getLogger(ConnectAssignmentPlanner.class);

    private final Supplier<ClusterWork> work;
    private final LongConsumer behind;
    private final Duration grace;
    private final Clock clock;
    /** The work of the last plan this planner made; only touched on the poll thread. */
    private Set<Object> lastPlanned = Set.of();
    /** Work of departed workers held back, with when the grace ends; only touched on the poll thread. */
    private final Map<Object, Long> heldUntil = new HashMap<>();

    /**
     * @param work   what the group must run, as this worker read it
     * @param behind told (on the poll thread; it must not block) when this worker must read the
     *               config topic to at least the given offset and join again
     * @param grace  how long the work of a worker that left waits for it to come back
     */
    ConnectAssignmentPlanner(Supplier<ClusterWork> work, LongConsumer behind, Duration grace, Clock clock) {
        this.work = work;
        this.behind = behind;
        this.grace = grace;
        this.clock = clock;
    }

    @Override
    public MembershipPlan plan(List<MemberMetadata> members, PreviousPlan previous) {
        Optional<String> leader = LeaderElectionPlanner.chooseLeader(members, previous);
        ClusterWork current = work.get();
        Map<String, WorkerAnnouncement> announced = new TreeMap<>();
        for (MemberMetadata member : members) {
            WorkerAnnouncement announcement = WorkerAnnouncement.decode(member.payload());
            if (announcement != null) {
                announced.put(member.id(), announcement);
            }
        }
        long newest = announced.values().stream().mapToLong(WorkerAnnouncement::configOffset).max().orElse(-1);
        Map<String, ConnectAssignment> plan = new LinkedHashMap<>();
        if (current.configOffset() < newest) {
            log.info("This worker read the config topic to {} but another worker announced {}: catching up before planning",
                    current.configOffset(), newest);
            behind.accept(newest);
            // Everyone keeps what it runs, and reports it again next time: the plan echoes it.
            Map<String, ConnectAssignment> running = currentOwners(members);
            ConnectAssignment.Error error = new ConnectAssignment.Error(ConnectAssignment.Kind.CONFIG_BEHIND,
                    "the plan is made again once the config topic is read to offset " + newest);
            for (MemberMetadata member : members) {
                ConnectAssignment mine = running.getOrDefault(member.id(), ConnectAssignment.NONE);
                plan.put(member.id(), new ConnectAssignment(newest, mine.workDigest(), mine.connectors(), mine.tasks(), false, 0, error));
            }
            return encoded(leader, plan);
        }
        WorkerAnnouncement reference = leader.map(announced::get).orElse(null);
        List<String> workers = new ArrayList<>();
        for (MemberMetadata member : members) {
            WorkerAnnouncement announcement = announced.get(member.id());
            String clash = announcement == null ? "it does not announce itself as a Connect worker"
                    : reference == null ? null : announcement.clashWith(reference);
            if (clash != null) {
                log.error("Worker {} is left out of the group's plan: {}", member.id(), clash);
                plan.put(member.id(), ConnectAssignment.failed(current.configOffset(), ConnectAssignment.Kind.SETTINGS_CLASH, clash));
            } else {
                workers.add(member.id());
            }
        }
        Map<String, ConnectAssignment> owned = currentOwners(members);
        Set<String> newcomers = new TreeSet<>();
        for (MemberMetadata member : members) {
            ConnectAssignment known = owned.getOrDefault(member.id(), ConnectAssignment.NONE);
            if (workers.contains(member.id()) && known.connectors().isEmpty() && known.tasks().isEmpty()) {
                newcomers.add(member.id());
            }
        }
        Holding holding = new Holding(clock.millis(), newcomers);
        Share<String> connectors = share(workers, current.connectors(), owned, ConnectAssignment::connectors, holding);
        Share<TaskId> tasks = share(workers, current.tasks(), owned, ConnectAssignment::tasks, holding);
        Set<Object> planned = new HashSet<>(current.connectors());
        planned.addAll(current.tasks());
        lastPlanned = planned;
        heldUntil.keySet().retainAll(holding.held);
        long replanAt = holding.held.stream().mapToLong(heldUntil::get).min().orElse(0);
        if (replanAt > 0) {
            log.info("Holding back {} of departed workers until {}", holding.held, java.time.Instant.ofEpochMilli(replanAt));
        }
        for (String worker : workers) {
            boolean rejoin = connectors.revokedFrom.contains(worker) || tasks.revokedFrom.contains(worker);
            plan.put(worker, new ConnectAssignment(current.configOffset(), current.digest(), connectors.assigned.get(worker),
                    tasks.assigned.get(worker), rejoin, replanAt, null));
        }
        return encoded(leader, plan);
    }

    private static MembershipPlan encoded(Optional<String> leader, Map<String, ConnectAssignment> plan) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        plan.forEach((worker, assignment) -> bytes.put(worker, assignment.encode()));
        return new MembershipPlan(leader, bytes);
    }

    /**
     * What each member reports it runs. When two report the same work (one missed a generation),
     * the report of the newer generation counts.
     */
    private static Map<String, ConnectAssignment> currentOwners(List<MemberMetadata> members) {
        Map<String, ConnectAssignment> reports = new TreeMap<>();
        List<MemberMetadata> newestFirst = new ArrayList<>(members);
        newestFirst.sort(Comparator.comparingInt((MemberMetadata m) -> m.knownPlan().generation()).reversed()
                .thenComparing(MemberMetadata::id));
        for (MemberMetadata member : newestFirst) {
            try {
                ConnectAssignment known = ConnectAssignment.decode(member.knownPlan().assignment());
                if (!known.failed() || known.error().kind() == ConnectAssignment.Kind.CONFIG_BEHIND) {
                    reports.put(member.id(), known);
                }
            } catch (IllegalArgumentException e) {
                log.warn("Ignoring the unreadable previous assignment of {}: {}", member.id(), e.getMessage());
            }
        }
        // keep the order: newest generation first, so the first claim of an item wins
        Map<String, ConnectAssignment> ordered = new LinkedHashMap<>();
        for (MemberMetadata member : newestFirst) {
            if (reports.containsKey(member.id())) {
                ordered.put(member.id(), reports.get(member.id()));
            }
        }
        return ordered;
    }

    /** The outcome of sharing one kind of work. */
    private record Share<T>(Map<String, SortedSet<T>> assigned, java.util.Set<String> revokedFrom) {
    }

    /** One plan's decisions on the work of departed workers: when it is, who may take it now, what is held. */
    private static final class Holding {
        final long now;
        final Set<String> newcomers;
        final Set<Object> held = new HashSet<>();

        Holding(long now, Set<String> newcomers) {
            this.now = now;
            this.newcomers = newcomers;
        }
    }

    /** Whether work nobody runs is held back: it was planned before (its worker left) and its grace is not over. */
    private boolean holdBack(Object item, Holding holding) {
        if (grace.isZero() || !lastPlanned.contains(item)) {
            return false;
        }
        long until = heldUntil.computeIfAbsent(item, ignored -> holding.now + grace.toMillis());
        return holding.now < until;
    }

    private <T extends Comparable<T>> Share<T> share(List<String> workers, SortedSet<T> all, Map<String, ConnectAssignment> owners,
            Function<ConnectAssignment, SortedSet<T>> items, Holding holding) {
        Map<String, SortedSet<T>> assigned = new TreeMap<>();
        workers.forEach(worker -> assigned.put(worker, new TreeSet<>()));
        java.util.Set<String> revokedFrom = new TreeSet<>();
        if (workers.isEmpty()) {
            return new Share<>(assigned, revokedFrom);
        }
        Map<T, String> ownerOf = new HashMap<>();
        owners.forEach((worker, assignment) -> {
            if (assigned.containsKey(worker)) {
                for (T item : items.apply(assignment)) {
                    if (all.contains(item) && ownerOf.putIfAbsent(item, worker) == null) {
                        assigned.get(worker).add(item);
                    }
                }
            }
        });
        // Each worker's share: the most loaded get the remainder, so fewer things move.
        int base = all.size() / workers.size();
        int remainder = all.size() % workers.size();
        List<String> byLoad = new ArrayList<>(workers);
        byLoad.sort(Comparator.comparingInt((String w) -> assigned.get(w).size()).reversed().thenComparing(Function.identity()));
        Map<String, Integer> capacity = new HashMap<>();
        for (int i = 0; i < byLoad.size(); i++) {
            capacity.put(byLoad.get(i), base + (i < remainder ? 1 : 0));
        }
        java.util.Set<T> revoked = new TreeSet<>();
        for (String worker : workers) {
            SortedSet<T> mine = assigned.get(worker);
            while (mine.size() > capacity.get(worker)) {
                T last = mine.last();
                mine.remove(last);
                revoked.add(last);
                revokedFrom.add(worker);
            }
        }
        for (T item : all) {
            if (ownerOf.containsKey(item) || revoked.contains(item)) {
                continue;
            }
            if (holdBack(item, holding)) {
                // A worker that joined since (the departed one, back) may take it at once; otherwise it waits.
                Optional<String> newcomer = holding.newcomers.stream()
                        .filter(w -> assigned.get(w).size() < capacity.get(w))
                        .min(Comparator.comparingInt((String w) -> assigned.get(w).size()).thenComparing(Function.identity()));
                if (newcomer.isPresent()) {
                    assigned.get(newcomer.get()).add(item);
                } else {
                    holding.held.add(item);
                }
                continue;
            }
            String target = workers.stream()
                    .filter(w -> assigned.get(w).size() < capacity.get(w))
                    .min(Comparator.comparingInt((String w) -> assigned.get(w).size()).thenComparing(Function.identity()))
                    .orElseGet(() -> workers.stream().min(Comparator.comparingInt((String w) -> assigned.get(w).size())
                            .thenComparing(Function.identity())).orElseThrow());
            assigned.get(target).add(item);
        }
        return new Share<>(assigned, revokedFrom);
    }
}
