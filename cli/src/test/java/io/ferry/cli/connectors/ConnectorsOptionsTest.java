package io.ferry.cli.connectors;

import static io.ferry.cli.FerryRun.ferry;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.cli.FerryRun;
import org.junit.jupiter.api.Test;

/** The shared options of the client commands, which need no server to check. */
class ConnectorsOptionsTest {

    @Test
    void shouldTakeUrlAndOutputBeforeOrAfterTheSubcommand() {
        FerryRun after = ferry("connectors", "list", "--url", "http://127.0.0.1:1", "--output", "json");
        assertThat(after.exitCode()).isEqualTo(3);
        assertThat(after.err().lines()).containsExactly("ferry connectors list: cannot reach http://127.0.0.1:1: connection refused");
        FerryRun schemas = ferry("schemas", "subjects", "--url", "http://127.0.0.1:1");
        assertThat(schemas.err().lines()).containsExactly("ferry schemas subjects: cannot reach http://127.0.0.1:1: connection refused");
    }

    @Test
    void shouldRefuseAnUnknownFormatOrAMalformedUrlAsBadInput() {
        FerryRun format = ferry("connectors", "--output", "xml", "list");
        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.err().lines()).singleElement().asString().contains("--output").contains("xml");
        FerryRun url = ferry("schemas", "--url", "localhost:8081", "subjects");
        assertThat(url.exitCode()).isEqualTo(2);
        assertThat(url.err().lines()).containsExactly("ferry schemas subjects: invalid --url 'localhost:8081': not an http:// URL");
    }
}
