package io.ferry.cli.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void shouldAlignColumnsToTheWidestCellAndNotPadTheLastOne() {
        String table = new TextTable("A", "LONG HEADER", "LAST").row("wide cell", "x", "end").row(null, "y", "").render();

        assertThat(table).isEqualTo("""
                A          LONG HEADER  LAST
                wide cell  x            end
                           y
                """);
    }

    @Test
    void shouldRefuseARowOfTheWrongWidth() {
        assertThatThrownBy(() -> new TextTable("A", "B").row("only one")).isInstanceOf(IllegalArgumentException.class);
    }
}
