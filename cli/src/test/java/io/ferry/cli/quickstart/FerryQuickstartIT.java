package io.ferry.cli.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.ferry.cli.FerryProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ferry quickstart} run as a user runs it, on a new data folder, to its report and exit. */
class FerryQuickstartIT {
    private static final Pattern FIRST_ROW = Pattern.compile("first row copied:\\s+([0-9.]+) s after the command started");

    @TempDir
    Path dir;

    @Test
    void shouldStreamTheDemoTableReportAndShowOneSchemaChangeAcceptedAndOneRefused() throws Exception {
        Path data = dir.resolve("quickstart");
        FerryProcess quickstart = FerryProcess.start("quickstart", "--data-dir", data.toString(), "--rows", "2000");
        int exit = quickstart.awaitExit(Duration.ofSeconds(240));
        String stdout = String.join("\n", quickstart.stdout());

        assertThat(exit).as("exit code; stdout:\n%s\nstderr:\n%s", stdout, quickstart.stderr()).isZero();
        assertThat(ProcessHandle.of(quickstart.pid()).filter(ProcessHandle::isAlive)).as("the quickstart process after its exit").isEmpty();
        assertThat(stdout)
                .contains("tables equal:      yes, 2000 rows in shop.customers and warehouse.customers")
                .contains("subject:           quickstart-customers-value, version 1, schema id 1")
                .containsPattern("bytes per message: \\d+ as Avro with a schema id, \\d+ as JSON with the schema embedded")
                .contains("accepted: quickstart-customers-value version 2")
                .contains("the sink added column tier and now holds 2100 rows")
                .contains("refused (HTTP 409): Schema being registered is incompatible");
        Matcher firstRow = FIRST_ROW.matcher(stdout);
        assertThat(firstRow.find()).as(stdout).isTrue();
        assertThat(Double.parseDouble(firstRow.group(1))).isPositive();

        List<List<Object>> shop = rows(data.resolve("demo/shop.db"));
        List<List<Object>> warehouse = rows(data.resolve("demo/warehouse.db"));
        assertThat(warehouse).hasSize(2100).isEqualTo(shop);
    }

    @Test
    void shouldRefuseADataFolderItDidNotMake() throws Exception {
        Files.writeString(dir.resolve("precious.txt"), "keep me");
        FerryProcess quickstart = FerryProcess.run("quickstart", "--data-dir", dir.toString());

        assertThat(quickstart.exitCode()).isNotZero();
        assertThat(quickstart.stderr()).singleElement().asString().contains("holds files a quickstart did not make");
        assertThat(dir.resolve("precious.txt")).exists();
    }

    private static List<List<Object>> rows(Path database) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement sql = connection.createStatement();
             ResultSet result = sql.executeQuery("SELECT id, name, email, city, balance, tier FROM customers ORDER BY id")) {
            while (result.next()) {
                List<Object> row = new ArrayList<>();
                row.add(result.getLong(1));
                for (int i = 2; i <= 4; i++) {
                    row.add(result.getString(i));
                }
                row.add(result.getDouble(5));
                // Rows from before the column: the source's table has its DEFAULT, the copy was made without it.
                row.add(result.getLong(1) <= 2000 ? null : result.getString(6));
                rows.add(row);
            }
        }
        return rows;
    }
}
