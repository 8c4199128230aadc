package io.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import io.ferry.cli.support.FerryVersion;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;

/** The command line in-process: help, version, and how parse errors are reported. */
class FerryCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Ferry.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void shouldListTheCommandsInHelp() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Usage: ferry").contains("version").contains("kafka");
    }

    @Test
    void shouldPrintFerryAndKafkaVersions() {
        assertThat(run("version")).isZero();
        assertThat(out.toString().lines()).containsExactly("Ferry " + FerryVersion.current().ferry(), "Kafka " + AppInfoParser.getVersion());
        assertThat(FerryVersion.current().ferry()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void shouldReportAnUnknownCommandOnOneLine() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err.toString().lines()).containsExactly("ferry: Unmatched argument at index 0: 'frobnicate' (see 'ferry --help')");
        assertThat(out.toString()).isEmpty();
    }
}
