package io.ferry.cli.connectors;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.ferry.cli.support.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ferry connectors apply -f FILE_OR_DIR}: makes the cluster's connectors match pipeline
 * files. Every file is read and checked before anything is sent, so a bad file changes nothing.
 * Idempotent: a second run reports every connector {@code unchanged} and sends no write.
 */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Make the cluster match YAML or JSON pipeline files: create missing connectors, update those whose"
                + " config differs, leave identical ones untouched. Prints created, updated or unchanged per connector."})
final class ApplyCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParentCommand
    private ConnectorsCommand parent;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE_OR_DIR", required = true,
            description = "A pipeline file, or a directory whose .yaml, .yml and .json files are applied in name order.")
    private Path path;

    @Override
    public Integer call() {
        List<ConnectorSpec> declared = PipelineFileReader.read(path);
        ConnectClient client = parent.client();
        List<ApplyPlan.Step> steps = ApplyPlan.plan(declared, client::config);
        for (ApplyPlan.Step step : steps) {
            switch (step.action()) {
                case CREATED -> client.create(step.spec());
                case UPDATED -> client.putConfig(step.spec());
                case UNCHANGED -> { }
            }
        }
        parent.out().print(summary(steps), summary -> ConnectorTables.apply(steps));
        return ExitCodes.OK;
    }

    /** {@code [{"name": ..., "action": "created"}, ...]}. */
    static ArrayNode summary(List<ApplyPlan.Step> steps) {
        ArrayNode summary = JSON.createArrayNode();
        steps.forEach(step -> summary.addObject().put("name", step.spec().name()).put("action", step.action().label()));
        return summary;
    }
}
