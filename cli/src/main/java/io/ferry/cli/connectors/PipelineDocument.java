package io.ferry.cli.connectors;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.ferry.cli.support.InputFiles;

/**
 * One document of a pipeline file as written: either a list of connectors or a single one. Bound
 * by Jackson, which refuses keys other than these.
 *
 * @param connectors the connectors, or {@code null} for a single-connector document
 * @param name the single connector's name
 * @param config the single connector's config
 */
record PipelineDocument(List<Entry> connectors, String name, Map<String, String> config) {

    /** One connector of a {@code connectors} list. */
    record Entry(String name, Map<String, String> config) {
    }

    /** The connectors of this document; bad input when it mixes the two forms or misses a name or config. */
    List<ConnectorSpec> specs(Path file) {
        if (connectors != null) {
            if (name != null || config != null) {
                throw InputFiles.badInput(file, "a document holds either 'connectors' or 'name' and 'config', not both", null);
            }
            List<ConnectorSpec> specs = new ArrayList<>();
            for (int i = 0; i < connectors.size(); i++) {
                Entry entry = connectors.get(i);
                String where = "connector #" + (i + 1);
                specs.add(spec(file, where, entry == null ? null : entry.name(), entry == null ? null : entry.config()));
            }
            return specs;
        }
        return List.of(spec(file, "the document", name, config));
    }

    private static ConnectorSpec spec(Path file, String where, String name, Map<String, String> config) {
        if (name == null || name.isBlank()) {
            throw InputFiles.badInput(file, where + " has no 'name'", null);
        }
        if (config == null) {
            throw InputFiles.badInput(file, "connector '" + name + "' has no 'config'", null);
        }
        config.forEach((key, value) -> {
            if (value == null) {
                throw InputFiles.badInput(file, "connector '" + name + "': setting '" + key + "' has no value", null);
            }
        });
        String inConfig = config.get("name");
        if (inConfig != null && !inConfig.equals(name)) {
            throw InputFiles.badInput(file, "connector '" + name + "' has another name in its config: '" + inConfig + "'", null);
        }
        return new ConnectorSpec(name.strip(), config);
    }
}
