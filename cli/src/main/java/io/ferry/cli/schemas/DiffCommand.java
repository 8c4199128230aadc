package io.ferry.cli.schemas;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.ferry.cli.support.CliException;
import io.ferry.cli.support.ExitCodes;
import io.ferry.cli.support.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ferry schemas diff SUBJECT V1 V2}: what changed between two versions of a subject, as a
 * {@link SchemaDiff} of the two schemas (a Protobuf schema through its {@link ProtobufOutline}): one row per field
 * added, removed or changed. Exits 0 whether or not they differ.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Show what changed between two versions of a subject (fields added, removed, changed).")
final class DiffCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParentCommand
    private SchemasCommand parent;

    @Parameters(index = "0", paramLabel = "SUBJECT")
    private String subject;

    @Parameters(index = "1", paramLabel = "V1")
    private String from;

    @Parameters(index = "2", paramLabel = "V2")
    private String to;

    @Override
    public Integer call() {
        RegistryClient client = parent.client();
        JsonNode before = schema(client.version(subject, SchemasCommand.version(from)));
        JsonNode after = schema(client.version(subject, SchemasCommand.version(to)));
        List<SchemaDiff.Change> changes = SchemaDiff.diff(before, after);
        parent.out().print(summary(changes), summary -> table(changes));
        return ExitCodes.OK;
    }

    /** The version's schema as a document to compare: Avro and JSON Schema as they are, Protobuf as its outline. */
    private JsonNode schema(JsonNode version) {
        String type = version.path("schemaType").asText("AVRO");
        String text = version.path("schema").asText();
        try {
            return "PROTOBUF".equals(type) ? ProtobufOutline.of(text) : JSON.readTree(text);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new CliException("version " + version.path("version").asText() + " of " + subject + " is not a readable "
                    + type + " schema: " + e.getMessage(), ExitCodes.BAD_INPUT, e);
        }
    }

    /** One row per change, compact JSON for the values. */
    static TextTable table(List<SchemaDiff.Change> changes) {
        TextTable table = new TextTable("CHANGE", "PATH", "BEFORE", "AFTER");
        changes.forEach(change -> table.row(kind(change), path(change),
                text(change.before()), text(change.after())));
        return table;
    }

    /** {@code [{"change", "path", "before"?, "after"?}]}. */
    static ArrayNode summary(List<SchemaDiff.Change> changes) {
        ArrayNode summary = JSON.createArrayNode();
        for (SchemaDiff.Change change : changes) {
            var row = summary.addObject().put("change", kind(change)).put("path", path(change));
            if (change.before() != null) {
                row.set("before", change.before());
            }
            if (change.after() != null) {
                row.set("after", change.after());
            }
        }
        return summary;
    }

    private static String kind(SchemaDiff.Change change) {
        return change.kind().name().toLowerCase(Locale.ROOT);
    }

    private static String path(SchemaDiff.Change change) {
        return change.path().isEmpty() ? "(schema)" : change.path();
    }

    private static String text(JsonNode value) {
        return value == null ? "-" : value.toString();
    }
}
