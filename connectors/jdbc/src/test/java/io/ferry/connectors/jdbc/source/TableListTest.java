package io.ferry.connectors.jdbc.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.ferry.connectors.jdbc.dialect.TableId;
import org.junit.jupiter.api.Test;

class TableListTest {

    @Test
    void shouldCarryAnyNameThroughTheTaskConfig() {
        List<TableId> tables = List.of(new TableId("shop", "public", "orders"), new TableId(null, null, "a.b,c%d"),
                new TableId("db", null, "x"));
        assertThat(TableList.decode(TableList.encode(tables))).isEqualTo(tables);
    }

    @Test
    void shouldReadAnEmptyListAsNoTables() {
        assertThat(TableList.decode("")).isEmpty();
        assertThat(TableList.encode(List.of())).isEmpty();
    }

    @Test
    void shouldSpreadTablesRoundRobinWithoutEmptyTasks() {
        List<TableId> tables = List.of(TableId.of("a"), TableId.of("b"), TableId.of("c"));
        assertThat(JdbcSourceConnector.spread(tables, 2)).containsExactly(
                List.of(TableId.of("a"), TableId.of("c")), List.of(TableId.of("b")));
        assertThat(JdbcSourceConnector.spread(tables, 8)).hasSize(3);
        assertThat(JdbcSourceConnector.spread(List.of(), 4)).isEmpty();
    }

    @Test
    void shouldMatchListedNamesByThePartsTheyGive() {
        TableId table = new TableId("shop", "public", "orders");
        assertThat(TableFilter.matches(TableId.of("orders"), table)).isTrue();
        assertThat(TableFilter.matches(new TableId(null, "public", "orders"), table)).isTrue();
        assertThat(TableFilter.matches(new TableId(null, "other", "orders"), table)).isFalse();
        assertThat(TableFilter.matches(TableId.of("order"), table)).isFalse();
    }

    @Test
    void shouldReadSchemaPatternsAsSqlLike() {
        assertThat(TableFilter.like("pub%").matcher("public").matches()).isTrue();
        assertThat(TableFilter.like("p_blic").matcher("public").matches()).isTrue();
        assertThat(TableFilter.like("a.b").matcher("axb").matches()).isFalse();
    }
}
