package io.ferry.connect.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code plugin.discovery} setting: Apache's values, default and meaning. */
class PluginDiscoveryModeTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "only_scan,    ONLY_SCAN,    true,  false",
        "hybrid_warn,  HYBRID_WARN,  true,  true",
        "HYBRID_FAIL,  HYBRID_FAIL,  true,  true",
        "' Service_Load ', SERVICE_LOAD, false, true"})
    void shouldParseTheSettingInAnyCase(String value, PluginDiscoveryMode mode, boolean scans, boolean readsManifests) {
        assertThat(PluginDiscoveryMode.fromConfig(value)).isEqualTo(mode);
        assertThat(mode.scans()).isEqualTo(scans);
        assertThat(mode.readsManifests()).isEqualTo(readsManifests);
    }

    @Test
    void shouldDefaultToHybridWarnAsApacheDoes() {
        assertThat(PluginDiscoveryMode.DEFAULT).isEqualTo(PluginDiscoveryMode.HYBRID_WARN);
        assertThat(PluginDiscoveryMode.DEFAULT.toString()).isEqualTo("hybrid_warn");
    }

    @Test
    void shouldRefuseAnUnknownValueNamingTheSettingAndTheChoices() {
        assertThatThrownBy(() -> PluginDiscoveryMode.fromConfig("scan_everything"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("plugin.discovery")
                .hasMessageContaining("scan_everything")
                .hasMessageContaining("only_scan, hybrid_warn, hybrid_fail, service_load");
    }
}
