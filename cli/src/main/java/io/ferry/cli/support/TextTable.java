package io.ferry.cli.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rows of text printed in aligned columns under a header, two spaces apart; the last column is not
 * padded, so no line ends in blanks. Not thread-safe.
 */
public final class TextTable {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    /** A table with these column titles. */
    public TextTable(String... header) {
        this.header = List.of(header);
    }

    /**
     * Adds a row; a {@code null} cell prints as empty.
     *
     * @throws IllegalArgumentException when the row has another number of cells than the header
     */
    public TextTable row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("a row of " + cells.length + " cells for " + header.size() + " columns");
        }
        rows.add(Arrays.stream(cells).map(cell -> cell == null ? "" : cell.toString()).toList());
        return this;
    }

    /** The table as lines, each ending in a line break. */
    public String render() {
        int[] widths = new int[header.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (List<String> row : all) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                String cell = row.get(i);
                line.append(i == widths.length - 1 ? cell : cell + " ".repeat(widths[i] - cell.length() + 2));
            }
            text.append(line.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }
}
