package io.ferry.kafka.support.membership;

/**
 * Told of every new view of a {@link GroupMember}.
 *
 * <p>Threading: called on the member's single event thread, one view at a time, in the order the
 * views were published; never on the poll thread, so a slow listener does not hold up the group,
 * but it does delay the next listeners and views. Hand long work to another thread. An exception
 * is logged and does not stop other listeners.
 */
@FunctionalInterface
public interface MembershipListener {

    /**
     * @param view the new view; never null
     */
    void onView(MembershipView view);
}
