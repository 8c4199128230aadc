package io.ferry.connect.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.config.ConfigException;
import org.apache.maven.artifact.versioning.InvalidVersionSpecificationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a {@code *.plugin.version} value is read: Apache Kafka Connect's reading of Maven version ranges. */
class VersionRequirementTest {

    @ParameterizedTest(name = "{0} accepts {1}: {2}")
    @CsvSource(delimiter = ';', nullValues = "NULL", value = {
        // unset or latest: anything, the latest being picked
        "NULL;            0.1;       true",
        "latest;          9.9;       true",
        // a bare version is a hard requirement, not Maven's soft preference
        "1.0;             1.0;       true",
        "1.0;             1;         true",
        "1.0;             1.0.0;     true",
        "1.0;             1.1;       false",
        "1.0;             0.9;       false",
        "' 2.0 ';         2.0;       true",
        "1.0-SNAPSHOT;    1.0;       false",
        // ranges: brackets include, parentheses exclude, an empty side is unbounded
        "[1.0,2.0);       1.0;       true",
        "[1.0,2.0);       1.9.9;     true",
        "[1.0,2.0);       2.0;       false",
        "[1.0,2.0);       2.0-rc1;   true",
        "(1.0,2.0];       1.0;       false",
        "(1.0,2.0];       2.0;       true",
        "[1.0,);          10.4;      true",
        "(,1.0];          0.1;       true",
        "(,1.0];          1.0.1;     false",
        "[1.0];           1.0;       true",
        "'[1.0],[3.0,)';  2.0;       false",
        "'[1.0],[3.0,)';  3.1;       true",
        // versions compare as Maven compares them
        "[1.9,1.10];      1.10;      true",
        "[1.0,2.0);       undefined; false",
    })
    void shouldAcceptTheVersionsApacheConnectAccepts(String spec, String version, boolean accepted) throws Exception {
        assertThat(VersionRequirement.parse(spec).accepts(version)).isEqualTo(accepted);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = ';', nullValues = "NULL", value = {
        "NULL;        latest",
        "latest;      latest",
        // Maven writes an exact version as a range of one: Apache's error messages show it so
        "1.0;         '[1.0,1.0]'",
        "[1.0,2.0);   [1.0,2.0)",
        "'(,1.0]';    '(,1.0]'",
    })
    void shouldShowTheRangeInMavensNotation(String spec, String shown) throws Exception {
        assertThat(VersionRequirement.parse(spec)).hasToString(shown);
    }

    @Test
    void shouldTreatOnlyAnUnsetValueOrLatestAsTheLatest() throws Exception {
        assertThat(VersionRequirement.parse(null).isLatest()).isTrue();
        assertThat(VersionRequirement.parse("latest").isLatest()).isTrue();
        assertThat(VersionRequirement.parse("1.0").isLatest()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"[1.0", "[2.0,1.0]", "(1.0)", "[1.0,2.0),[1.5,3.0)"})
    void shouldRefuseWhatIsNeitherAVersionNorARange(String spec) {
        assertThatThrownBy(() -> VersionRequirement.parse(spec)).isInstanceOf(InvalidVersionSpecificationException.class);
        assertThatThrownBy(() -> VersionRequirement.VALIDATOR.ensureValid("connector.plugin.version", spec))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Invalid value " + spec + " for configuration connector.plugin.version: ");
        assertThatThrownBy(() -> VersionRequirement.of("transforms.a.plugin.version", spec))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("transforms.a.plugin.version");
    }

    @Test
    void shouldLetTheValidatorAcceptAnUnsetValue() {
        VersionRequirement.VALIDATOR.ensureValid("connector.plugin.version", null);
        VersionRequirement.VALIDATOR.ensureValid("connector.plugin.version", "[1.0,2.0)");
    }
}
