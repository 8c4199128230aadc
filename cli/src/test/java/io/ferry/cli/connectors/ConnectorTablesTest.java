package io.ferry.cli.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ConnectorTablesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldListConnectorsByNameInAlignedColumns() throws Exception {
        JsonNode expanded = JSON.readTree("""
                {"zeta": {"status": {"name": "zeta", "type": "sink", "connector": {"state": "PAUSED", "worker_id": "w:8083"}, "tasks": []}},
                 "alpha-source": {"status": {"name": "alpha-source", "type": "source", "connector": {"state": "RUNNING", "worker_id": "w:8083"},
                   "tasks": [{"id": 0, "state": "RUNNING", "worker_id": "w:8083"}, {"id": 1, "state": "FAILED", "worker_id": "w:8083"}]}}}
                """);

        assertThat(ConnectorTables.list(expanded).render()).isEqualTo("""
                NAME          TYPE    STATE    TASKS               WORKER
                alpha-source  source  RUNNING  0:RUNNING 1:FAILED  w:8083
                zeta          sink    PAUSED   -                   w:8083
                """);
    }

    @Test
    void shouldShowTheFirstLineOfAFailedTasksTrace() throws Exception {
        JsonNode status = JSON.readTree("""
                {"name": "c", "connector": {"state": "RUNNING", "worker_id": "w"},
                 "tasks": [{"id": 0, "state": "FAILED", "worker_id": "w", "trace": "java.lang.IllegalStateException: boom\\n\\tat x.y"}]}
                """);

        assertThat(ConnectorTables.status(status).render()).isEqualTo("""
                NAME  INSTANCE   STATE    WORKER  ERROR
                c     connector  RUNNING  w
                c     task 0     FAILED   w       java.lang.IllegalStateException: boom
                """);
    }

    @Test
    void shouldPrintOffsetsAsCompactJson() throws Exception {
        JsonNode offsets = JSON.readTree("{\"offsets\": [{\"partition\": {\"filename\": \"/in.txt\"}, \"offset\": {\"position\": 42}}]}");

        assertThat(ConnectorTables.offsets(offsets).render()).isEqualTo("""
                PARTITION               OFFSET
                {"filename":"/in.txt"}  {"position":42}
                """);
    }
}
