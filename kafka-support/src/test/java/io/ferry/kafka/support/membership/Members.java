package io.ferry.kafka.support.membership;

import java.util.Optional;

/** Member metadata for tests, written compactly. */
final class Members {
    private Members() {
    }

    static MemberMetadata member(String id, boolean eligible, int priority) {
        return new MemberMetadata(new MemberIdentity(id, "http://" + id + ":8081"), eligible, priority, KnownPlan.NONE, new byte[0]);
    }

    /** A member that reports having received the plan of {@code generation} led by {@code leader}. */
    static MemberMetadata member(String id, boolean eligible, int priority, int generation, String leader) {
        return new MemberMetadata(new MemberIdentity(id, "http://" + id + ":8081"), eligible, priority,
                new KnownPlan(generation, Optional.ofNullable(leader), new byte[0]), new byte[0]);
    }
}
