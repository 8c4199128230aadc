package io.ferry.kafka.support.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class MembershipCodecTest {

    private static final MemberMetadata FULL = new MemberMetadata(new MemberIdentity("registry-1.eu", "https://registry-1.eu:8081"),
            true, -7, new KnownPlan(42, Optional.of("registry-0.eu"), new byte[] {9, 8, 7}), "config offset 1234".getBytes(StandardCharsets.UTF_8));

    @Test
    void shouldReadBackTheMetadataItWrote() {
        assertThat(MembershipCodec.decodeMetadata(ByteBuffer.wrap(MembershipCodec.encodeMetadata(FULL)))).isEqualTo(FULL);
    }

    @Test
    void shouldReadBackTheMetadataOfAMemberThatKnowsNothingYet() {
        MemberMetadata fresh = new MemberMetadata(new MemberIdentity("näme-ß", ""), false, 0, KnownPlan.NONE, new byte[0]);
        assertThat(MembershipCodec.decodeMetadata(ByteBuffer.wrap(MembershipCodec.encodeMetadata(fresh)))).isEqualTo(fresh);
    }

    @Test
    void shouldReadBackThePlanItWrote() {
        PlanForMember plan = new PlanForMember(Optional.of("b"),
                List.of(new MemberIdentity("a", "http://a:1"), new MemberIdentity("b", "http://b:2")), new byte[] {1, 2, 3});
        PlanForMember read = MembershipCodec.decodePlan(ByteBuffer.wrap(MembershipCodec.encodePlan(plan)));
        assertThat(read).isEqualTo(plan);
        assertThat(read.leader()).contains(new MemberIdentity("b", "http://b:2"));
    }

    @Test
    void shouldReadBackAPlanWithoutLeader() {
        PlanForMember plan = new PlanForMember(Optional.empty(), List.of(new MemberIdentity("a", "")), new byte[0]);
        assertThat(MembershipCodec.decodePlan(ByteBuffer.wrap(MembershipCodec.encodePlan(plan)))).isEqualTo(plan);
    }

    @Test
    void shouldRefuseMetadataOfANewerVersionSayingWhatToDo() {
        byte[] bytes = MembershipCodec.encodeMetadata(FULL);
        ByteBuffer.wrap(bytes).putShort((short) (MembershipCodec.METADATA_VERSION + 1));

        assertThatThrownBy(() -> MembershipCodec.decodeMetadata(ByteBuffer.wrap(bytes)))
                .isInstanceOf(MembershipProtocolException.class)
                .hasMessage("the member metadata has version 2, newer than version 1, the newest this Ferry understands: a member runs"
                        + " a newer Ferry. Run the same Ferry version on every member of the group (upgrade this one).");
    }

    @Test
    void shouldRefuseAPlanOfANewerVersion() {
        byte[] bytes = MembershipCodec.encodePlan(new PlanForMember(Optional.empty(), List.of(), new byte[0]));
        ByteBuffer.wrap(bytes).putShort((short) 7);

        assertThatThrownBy(() -> MembershipCodec.decodePlan(ByteBuffer.wrap(bytes)))
                .isInstanceOf(MembershipProtocolException.class)
                .hasMessageStartingWith("the plan has version 7, newer than version 1");
    }

    @Test
    void shouldRefuseTruncatedMetadata() {
        byte[] bytes = MembershipCodec.encodeMetadata(FULL);
        for (int length = 0; length < bytes.length; length++) {
            byte[] truncated = Arrays.copyOf(bytes, length);
            assertThatThrownBy(() -> MembershipCodec.decodeMetadata(ByteBuffer.wrap(truncated)))
                    .as("metadata cut to %d bytes", length)
                    .isInstanceOf(MembershipProtocolException.class)
                    .hasMessageStartingWith("damaged member metadata");
        }
    }

    @Test
    void shouldRefuseTrailingBytes() {
        byte[] bytes = Arrays.copyOf(MembershipCodec.encodeMetadata(FULL), MembershipCodec.encodeMetadata(FULL).length + 2);
        assertThatThrownBy(() -> MembershipCodec.decodeMetadata(ByteBuffer.wrap(bytes)))
                .isInstanceOf(MembershipProtocolException.class)
                .hasMessage("damaged member metadata: 2 unexpected bytes after its end");
    }

    @Test
    void shouldRefuseAPlanWhoseLeaderIsNotAMember() {
        byte[] bytes = MembershipCodec.encodePlan(new PlanForMember(Optional.of("a"), List.of(new MemberIdentity("a", "")), new byte[0]));
        // Rename the only member from "a" to "b": the leader "a" is then a stranger.
        byte[] renamed = bytes.clone();
        int lastA = lastIndexOf(renamed, (byte) 'a');
        renamed[lastA] = 'b';

        assertThatThrownBy(() -> MembershipCodec.decodePlan(ByteBuffer.wrap(renamed)))
                .isInstanceOf(MembershipProtocolException.class)
                .hasMessageContaining("the leader a is not among the members");
    }

    @Test
    void shouldRefuseMissingBytes() {
        assertThatThrownBy(() -> MembershipCodec.decodePlan(null))
                .isInstanceOf(MembershipProtocolException.class)
                .hasMessage("no plan at all: the bytes are missing");
    }

    private static int lastIndexOf(byte[] bytes, byte value) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == value) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }
}
