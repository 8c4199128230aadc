package io.ferry.kafka.support.membership;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Who a member is: a stable id, chosen by the application and kept across restarts, and the
 * address where others reach it.
 *
 * @param id  stable and unique within the group (a host name and port, a configured name); two
 *            live members announcing the same id is a configuration error, and only one of them
 *            is kept in the plan
 * @param url the address the member advertises, such as {@code http://host:8081}; empty when it
 *            serves nothing
 */
public record MemberIdentity(String id, String url) {
    /** Longest id or URL, in UTF-8 bytes: they travel in every join and every plan. */
    public static final int MAX_LENGTH = 1024;

    public MemberIdentity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a member id must not be blank");
        }
        requireShort("member id", id);
        requireShort("member URL", url);
    }

    private static void requireShort(String what, String value) {
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_LENGTH) {
            throw new IllegalArgumentException("the " + what + " is longer than " + MAX_LENGTH + " bytes: " + value.substring(0, 40) + "...");
        }
    }

    @Override
    public String toString() {
        return url.isEmpty() ? id : id + " (" + url + ")";
    }
}
