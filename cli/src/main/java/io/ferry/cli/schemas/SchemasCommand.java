package io.ferry.cli.schemas;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.cli.support.CliException;
import io.ferry.cli.support.CommandOutput;
import io.ferry.cli.support.ExitCodes;
import io.ferry.cli.support.OutputFormat;
import io.ferry.cli.support.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code ferry schemas}: a client of a schema registry's REST API. The subcommands that read print
 * a table (or the server's JSON with {@code --output json}); those that write print what was done.
 * Exit codes: see {@link ExitCodes}.
 */
@Command(name = "schemas",
        description = "Manage the schemas of a schema registry (Ferry or Confluent Schema Registry) over its REST API.",
        subcommands = {CheckCommand.class, DiffCommand.class},
        sortOptions = false,
        mixinStandardHelpOptions = true)
public final class SchemasCommand {

    @Spec
    private CommandSpec spec;

    @Option(names = "--url", paramLabel = "URL", scope = ScopeType.INHERIT,
            defaultValue = "${env:FERRY_REGISTRY_URL:-http://127.0.0.1:8081}",
            description = "The registry's REST API (default: $FERRY_REGISTRY_URL, else http://127.0.0.1:8081).")
    String url;

    @Option(names = "--output", paramLabel = "FORMAT", scope = ScopeType.INHERIT, defaultValue = "table",
            description = "table (default) or json: the server's JSON, for scripts.")
    OutputFormat output;

    RegistryClient client() {
        return new RegistryClient(url);
    }

    CommandOutput out() {
        return new CommandOutput(spec.commandLine().getOut(), output);
    }

    @Command(name = "subjects", mixinStandardHelpOptions = true, description = "List the subjects.")
    int subjects() {
        out().print(client().subjects(), subjects -> {
            TextTable table = new TextTable("SUBJECT");
            subjects.forEach(subject -> table.row(subject.asText()));
            return table;
        });
        return ExitCodes.OK;
    }

    @Command(name = "get", description = "Show a version of a subject: id, version, type and schema.")
    int get(@Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.") boolean help,
            @Parameters(paramLabel = "SUBJECT") String subject,
            @Option(names = "--version", paramLabel = "N|latest", defaultValue = "latest",
                    description = "The version (default: ${DEFAULT-VALUE}).") String version) {
        out().print(client().version(subject, version(version)), schema -> new TextTable("SUBJECT", "VERSION", "ID", "TYPE", "SCHEMA")
                .row(schema.path("subject").asText(), schema.path("version").asText(), schema.path("id").asText(),
                        schema.path("schemaType").asText("AVRO"), schema.path("schema").asText()));
        return ExitCodes.OK;
    }

    @Command(name = "register", mixinStandardHelpOptions = true,
            description = "Register a schema under a subject; prints its id (the existing one when the subject already holds it).")
    int register(@Parameters(paramLabel = "SUBJECT") String subject,
                 @Option(names = {"-f", "--file"}, paramLabel = "SCHEMA_FILE", required = true, description = "The schema.") Path file,
                 @Option(names = "--type", paramLabel = "TYPE", defaultValue = "AVRO",
                         description = "AVRO (default), JSON or PROTOBUF.") String type) {
        SchemaFile schema = SchemaFile.read(file, type);
        out().print(client().register(subject, schema), answer -> new TextTable("SUBJECT", "VERSION", "ID")
                .row(subject, answer.path("version").asText(""), answer.path("id").asText()));
        return ExitCodes.OK;
    }

    @Command(name = "delete",
            description = "Delete a subject or one version: softly, or with --permanent for good (after a soft delete).")
    int delete(@Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.") boolean help,
               @Parameters(paramLabel = "SUBJECT") String subject,
               @Option(names = "--version", paramLabel = "N", description = "Only this version.") String version,
               @Option(names = "--permanent", description = "Delete for good.") boolean permanent) {
        JsonNode deleted = client().delete(subject, version == null ? null : version(version), permanent);
        List<String> numbers = new ArrayList<>();
        deleted.forEach(number -> numbers.add(number.asText()));
        String versions = deleted.isArray() ? "versions " + String.join(", ", numbers) : "version " + deleted.asText();
        out().done(deleted, "deleted " + subject + " " + versions + (permanent ? " permanently" : ""));
        return ExitCodes.OK;
    }

    @Command(name = "config", mixinStandardHelpOptions = true,
            description = "Show or, with --set, change the compatibility level of a subject or (without SUBJECT) the global one.")
    int config(@Parameters(paramLabel = "SUBJECT", arity = "0..1") String subject,
               @Option(names = "--set", paramLabel = "LEVEL",
                       description = "NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL or FULL_TRANSITIVE.")
               String level) {
        String scope = subject == null ? "(global)" : subject;
        if (level != null) {
            String upper = level.toUpperCase(Locale.ROOT);
            out().done(client().setConfig(subject, upper), "set " + scope + " to " + upper);
        } else {
            out().print(client().config(subject), config -> new TextTable("SUBJECT", "COMPATIBILITY")
                    .row(scope, config.path("compatibilityLevel").asText()));
        }
        return ExitCodes.OK;
    }

    /** A version as the registry takes it: a positive number or {@code latest} ({@code -1} too); otherwise bad input. */
    static String version(String version) {
        if ("latest".equalsIgnoreCase(version) || "-1".equals(version)) {
            return "latest";
        }
        try {
            if (Integer.parseInt(version) > 0) {
                return version;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CliException("invalid version '" + version + "': a positive number or latest", ExitCodes.BAD_INPUT, null);
    }
}
