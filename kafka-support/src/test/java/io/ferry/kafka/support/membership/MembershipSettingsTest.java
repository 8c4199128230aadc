package io.ferry.kafka.support.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MembershipSettingsTest {
    private static final MemberIdentity ME = new MemberIdentity("node-1", "http://node-1:8081");

    private static MembershipSettings.Builder valid() {
        return MembershipSettings.builder("registry", ME).clientConfig(Map.of("bootstrap.servers", "localhost:9092"));
    }

    @Test
    void shouldUseConnectLikeDefaults() {
        MembershipSettings settings = valid().build();
        assertThat(settings.coordinationTopic()).isEqualTo("_ferry-membership");
        assertThat(settings.sessionTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.heartbeatInterval()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.rebalanceTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.eligible()).isTrue();
    }

    @Test
    void shouldRefuseAHeartbeatIntervalNotShorterThanTheSession() {
        assertThatThrownBy(() -> valid().sessionTimeout(Duration.ofSeconds(3)).heartbeatInterval(Duration.ofSeconds(3)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the heartbeat interval (3000 ms) must be shorter than the session timeout (3000 ms)");
    }

    @Test
    void shouldRefuseAClientConfigWithoutBootstrapServers() {
        assertThatThrownBy(() -> MembershipSettings.builder("registry", ME).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the client config of group registry has no bootstrap.servers");
    }

    @Test
    void shouldRefuseABlankMemberId() {
        assertThatThrownBy(() -> new MemberIdentity(" ", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a member id must not be blank");
    }
}
