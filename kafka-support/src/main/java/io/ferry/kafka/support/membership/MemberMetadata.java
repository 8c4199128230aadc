package io.ferry.kafka.support.membership;

import java.util.Arrays;
import java.util.Objects;

/**
 * What a member announces each time it joins the group: the input of the plan.
 *
 * @param identity  who it is and where it is reached
 * @param eligible  whether it may be chosen as leader
 * @param priority  among eligible members on a fresh election, the higher the better; it never
 *                  unseats a leader that is still a member
 * @param knownPlan the plan it last received ({@link KnownPlan#NONE} on its first join)
 * @param payload   opaque bytes of the application (for a Connect worker: the config offset it has
 *                  read); copied; keep it small, it travels in every join
 */
public record MemberMetadata(MemberIdentity identity, boolean eligible, int priority, KnownPlan knownPlan, byte[] payload) {

    public MemberMetadata {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(knownPlan, "knownPlan");
        Objects.requireNonNull(payload, "payload");
        payload = payload.clone();
    }

    /** The member's stable id. */
    public String id() {
        return identity.id();
    }

    /** A copy of the application's payload. */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MemberMetadata that && identity.equals(that.identity) && eligible == that.eligible
                && priority == that.priority && knownPlan.equals(that.knownPlan) && Arrays.equals(payload, that.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(identity, eligible, priority, knownPlan, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return identity + (eligible ? ", eligible" : ", not eligible") + ", priority " + priority + ", knows " + knownPlan
                + ", " + payload.length + " payload bytes";
    }
}
