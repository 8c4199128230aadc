package io.ferry.cli.schemas;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.cli.support.ExitCodes;
import io.ferry.cli.support.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ferry schemas check SUBJECT -f FILE}: asks the registry whether a schema is compatible
 * with a version of the subject under the subject's level. Exits 0 when compatible, 1 when not,
 * printing each of the registry's messages (which name the location of the problem).
 */
@Command(name = "check",
        description = "Check a schema against a version of a subject; exit 0 compatible, 1 incompatible (with the reasons).")
final class CheckCommand implements Callable<Integer> {

    @ParentCommand
    private SchemasCommand parent;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    private boolean help;

    @Parameters(paramLabel = "SUBJECT")
    private String subject;

    @Option(names = {"-f", "--file"}, paramLabel = "SCHEMA_FILE", required = true, description = "The schema to check.")
    private Path file;

    @Option(names = "--version", paramLabel = "N|latest", defaultValue = "latest", description = "The version (default: ${DEFAULT-VALUE}).")
    private String version;

    @Option(names = "--type", paramLabel = "TYPE", defaultValue = "AVRO", description = "AVRO (default), JSON or PROTOBUF.")
    private String type;

    @Override
    public Integer call() {
        SchemaFile schema = SchemaFile.read(file, type);
        JsonNode answer = parent.client().check(subject, SchemasCommand.version(version), schema);
        parent.out().print(answer, CheckCommand::table);
        return answer.path("is_compatible").asBoolean(false) ? ExitCodes.OK : ExitCodes.NEGATIVE;
    }

    /** {@code compatible}, or {@code incompatible} then one row per message. */
    static TextTable table(JsonNode answer) {
        boolean compatible = answer.path("is_compatible").asBoolean(false);
        TextTable table = new TextTable("RESULT", "MESSAGE");
        if (compatible) {
            return table.row("compatible", "");
        }
        if (answer.path("messages").isEmpty()) {
            table.row("incompatible", "");
        }
        answer.path("messages").forEach(message -> table.row("incompatible", message.asText()));
        return table;
    }
}
