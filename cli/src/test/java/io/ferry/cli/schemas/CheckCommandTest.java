package io.ferry.cli.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class CheckCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldPrintCompatibleOrEachMessage() throws Exception {
        assertThat(CheckCommand.table(JSON.readTree("{\"is_compatible\": true, \"messages\": []}")).render())
                .isEqualTo("RESULT      MESSAGE\ncompatible\n");
        assertThat(CheckCommand.table(JSON.readTree("{\"is_compatible\": false, \"messages\": [\"first at /fields/1\", \"second\"]}")).render())
                .isEqualTo("""
                        RESULT        MESSAGE
                        incompatible  first at /fields/1
                        incompatible  second
                        """);
    }
}
