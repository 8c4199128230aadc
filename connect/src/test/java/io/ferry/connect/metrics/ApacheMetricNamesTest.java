package io.ferry.connect.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ferry's metric names against Apache Kafka Connect's, from a table of every metric Apache's 4.3.1
 * runtime documents (group, attribute, tag keys) and whether Ferry registers it.
 */
class ApacheMetricNamesTest {

    record ApacheMetric(String group, String name, List<String> tags, String ferry) {
        boolean registered() {
            return ferry.equals("yes");
        }

        @Override
        public String toString() {
            return group + "/" + name + " " + tags;
        }
    }

    static List<ApacheMetric> apacheMetrics() {
        var resource = ApacheMetricNamesTest.class.getResourceAsStream("apache-kafka-connect-4.3-metrics.csv");
        try (var reader = new BufferedReader(new InputStreamReader(Objects.requireNonNull(resource), StandardCharsets.UTF_8))) {
            List<ApacheMetric> rows = new ArrayList<>();
            reader.lines()
                    .filter(line -> !line.startsWith("#") && !line.startsWith("group,"))
                    .map(line -> line.split(",", 4))
                    .forEach(cells -> rows.add(new ApacheMetric(cells[0], cells[1],
                            cells[2].isEmpty() ? List.of() : Arrays.asList(cells[2].split(" ")), cells[3])));
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<ApacheMetric> registeredByFerry() {
        return apacheMetrics().stream().filter(ApacheMetric::registered);
    }

    static Stream<ApacheMetric> leftOut() {
        return apacheMetrics().stream().filter(metric -> !metric.registered());
    }

    private static Optional<MetricDefinition> definition(String group, String name) {
        return MetricCatalog.all().stream()
                .filter(definition -> definition.group().equals(group) && definition.name().equals(name))
                .findFirst();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registeredByFerry")
    void shouldDefineApacheMetricWithTheSameGroupNameAndTags(ApacheMetric apache) {
        assertThat(definition(apache.group(), apache.name()))
                .as("Ferry defines %s", apache)
                .hasValueSatisfying(definition -> assertThat(definition.scope().tagKeys()).isEqualTo(apache.tags()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("leftOut")
    void shouldNotDefineMetricsItDeliberatelyLeavesOut(ApacheMetric apache) {
        assertThat(definition(apache.group(), apache.name())).as("%s: %s", apache, apache.ferry()).isEmpty();
    }

    @Test
    void shouldDefineNoMetricApacheDoesNotHave() {
        List<String> apacheNames = apacheMetrics().stream().map(metric -> metric.group() + "/" + metric.name()).toList();
        List<String> ferryNames = MetricCatalog.all().stream().map(metric -> metric.group() + "/" + metric.name()).toList();

        assertThat(apacheNames).containsAll(ferryNames);
        assertThat(ferryNames).doesNotHaveDuplicates();
        assertThat(apacheMetrics()).hasSize(91);
    }
}
