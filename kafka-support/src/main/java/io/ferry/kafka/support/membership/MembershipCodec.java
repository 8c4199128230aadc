package io.ferry.kafka.support.membership;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The binary forms of what members exchange through the group: {@link MemberMetadata} (in the
 * subscription) and {@link PlanForMember} (in the assignment). Both start with a 2-byte version.
 * A reader refuses a version newer than its own with a message that names both: members of
 * one group must understand each other, and guessing at unknown fields could elect two leaders.
 *
 * <pre>
 * metadata v1: version int16 | id string | url string | eligible int8 | priority int32
 *              | known generation int32 | known leader nullable string | known assignment bytes | payload bytes
 * plan v1:     version int16 | leader nullable string | member count int32 | (id string | url string)*
 *              | assignment bytes
 * string: length int16 + UTF-8; nullable string: length -1 for null; bytes: length int32 + bytes
 * </pre>
 */
final class MembershipCodec {
    static final short METADATA_VERSION = 1;
    static final short PLAN_VERSION = 1;

    private MembershipCodec() {
    }

    static byte[] encodeMetadata(MemberMetadata metadata) {
        Writer out = new Writer();
        out.int16(METADATA_VERSION);
        out.string(metadata.identity().id());
        out.string(metadata.identity().url());
        out.int8(metadata.eligible() ? 1 : 0);
        out.int32(metadata.priority());
        out.int32(metadata.knownPlan().generation());
        out.nullableString(metadata.knownPlan().leaderId().orElse(null));
        out.bytes(metadata.knownPlan().assignment());
        out.bytes(metadata.payload());
        return out.toByteArray();
    }

    /**
     * @throws MembershipProtocolException when the bytes are of a newer version or damaged
     */
    static MemberMetadata decodeMetadata(ByteBuffer bytes) {
        Reader in = new Reader(bytes, "member metadata");
        in.expectVersion(METADATA_VERSION);
        MemberIdentity identity = in.identity();
        boolean eligible = in.flag();
        int priority = in.int32();
        int generation = in.int32();
        Optional<String> leader = Optional.ofNullable(in.nullableString());
        byte[] assignment = in.bytes();
        byte[] payload = in.bytes();
        in.expectEnd();
        try {
            return new MemberMetadata(identity, eligible, priority, new KnownPlan(generation, leader, assignment), payload);
        } catch (IllegalArgumentException e) {
            throw new MembershipProtocolException("damaged member metadata: " + e.getMessage(), e);
        }
    }

    static byte[] encodePlan(PlanForMember plan) {
        Writer out = new Writer();
        out.int16(PLAN_VERSION);
        out.nullableString(plan.leaderId().orElse(null));
        out.int32(plan.members().size());
        for (MemberIdentity member : plan.members()) {
            out.string(member.id());
            out.string(member.url());
        }
        out.bytes(plan.assignment());
        return out.toByteArray();
    }

    /**
     * @throws MembershipProtocolException when the bytes are of a newer version or damaged
     */
    static PlanForMember decodePlan(ByteBuffer bytes) {
        Reader in = new Reader(bytes, "plan");
        in.expectVersion(PLAN_VERSION);
        Optional<String> leader = Optional.ofNullable(in.nullableString());
        int count = in.int32();
        if (count < 0 || count > in.remaining()) {
            throw new MembershipProtocolException("damaged plan: it announces " + count + " members");
        }
        List<MemberIdentity> members = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            members.add(in.identity());
        }
        byte[] assignment = in.bytes();
        in.expectEnd();
        try {
            return new PlanForMember(leader, members, assignment);
        } catch (IllegalArgumentException e) {
            throw new MembershipProtocolException("damaged plan: " + e.getMessage(), e);
        }
    }

    private static final class Writer {
        private ByteBuffer buffer = ByteBuffer.allocate(256);

        void int8(int value) {
            ensure(1).put((byte) value);
        }

        void int16(short value) {
            ensure(2).putShort(value);
        }

        void int32(int value) {
            ensure(4).putInt(value);
        }

        void string(String value) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            if (utf8.length > Short.MAX_VALUE) {
                throw new IllegalArgumentException("a string of " + utf8.length + " bytes is too long to encode");
            }
            int16((short) utf8.length);
            ensure(utf8.length).put(utf8);
        }

        void nullableString(String value) {
            if (value == null) {
                int16((short) -1);
            } else {
                string(value);
            }
        }

        void bytes(byte[] value) {
            int32(value.length);
            ensure(value.length).put(value);
        }

        byte[] toByteArray() {
            byte[] result = new byte[buffer.position()];
            buffer.flip().get(result);
            return result;
        }

        private ByteBuffer ensure(int more) {
            if (buffer.remaining() < more) {
                ByteBuffer bigger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + more));
                buffer.flip();
                bigger.put(buffer);
                buffer = bigger;
            }
            return buffer;
        }
    }

    private static final class Reader {
        private final ByteBuffer buffer;
        private final String what;

        Reader(ByteBuffer bytes, String what) {
            if (bytes == null) {
                throw new MembershipProtocolException("no " + what + " at all: the bytes are missing");
            }
            this.buffer = bytes.duplicate();
            this.what = what;
        }

        void expectVersion(short supported) {
            short version = int16();
            if (version > supported) {
                throw new MembershipProtocolException("the " + what + " has version " + version + ", newer than version " + supported
                        + ", the newest this Ferry understands: a member runs a newer Ferry. Run the same Ferry version on every member"
                        + " of the group (upgrade this one).");
            }
            if (version < 1) {
                throw new MembershipProtocolException("damaged " + what + ": version " + version + " does not exist");
            }
        }

        MemberIdentity identity() {
            String id = string();
            String url = string();
            try {
                return new MemberIdentity(id, url);
            } catch (IllegalArgumentException e) {
                throw new MembershipProtocolException("damaged " + what + ": " + e.getMessage(), e);
            }
        }

        boolean flag() {
            byte value = get(() -> buffer.get());
            if (value != 0 && value != 1) {
                throw new MembershipProtocolException("damaged " + what + ": a flag holds " + value);
            }
            return value == 1;
        }

        short int16() {
            return get(buffer::getShort);
        }

        int int32() {
            return get(buffer::getInt);
        }

        int remaining() {
            return buffer.remaining();
        }

        String string() {
            String value = nullableString();
            if (value == null) {
                throw new MembershipProtocolException("damaged " + what + ": a required string is missing");
            }
            return value;
        }

        String nullableString() {
            short length = int16();
            if (length == -1) {
                return null;
            }
            return new String(take(length), StandardCharsets.UTF_8);
        }

        byte[] bytes() {
            return take(int32());
        }

        void expectEnd() {
            if (buffer.hasRemaining()) {
                throw new MembershipProtocolException("damaged " + what + ": " + buffer.remaining() + " unexpected bytes after its end");
            }
        }

        private byte[] take(int length) {
            if (length < 0 || length > buffer.remaining()) {
                throw new MembershipProtocolException("damaged " + what + ": a field of " + length + " bytes where "
                        + buffer.remaining() + " remain");
            }
            byte[] result = new byte[length];
            buffer.get(result);
            return result;
        }

        private <T> T get(java.util.function.Supplier<T> read) {
            try {
                return read.get();
            } catch (BufferUnderflowException e) {
                throw new MembershipProtocolException("damaged " + what + ": it ends early", e);
            }
        }
    }
}
