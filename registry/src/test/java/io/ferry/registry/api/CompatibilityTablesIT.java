package io.ferry.registry.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The compatibility case tables of {@code compat-cases/<format>/*.json}, each case checked through the REST API
 * under the default policy, as {@link CompatibilityCaseTables} runs them.
 */
class CompatibilityTablesIT {

    @RegisterExtension
    static final RegistryFixture REGISTRY = RegistryFixture.local();

    private static final List<String> FORMATS = List.of("json", "protobuf");

    @TestFactory
    Stream<DynamicNode> everyCaseOfEveryTable() throws IOException, URISyntaxException {
        CompatibilityCaseTables runner = new CompatibilityCaseTables(REGISTRY::api);
        List<DynamicNode> formats = new ArrayList<>();
        for (String format : FORMATS) {
            List<DynamicNode> tables = new ArrayList<>();
            for (Path table : CompatibilityCaseTables.tables("compat-cases/" + format)) {
                tables.add(DynamicContainer.dynamicContainer(table.getFileName().toString(),
                        runner.cases(format, table, JsonNodeFactory.instance.objectNode())));
            }
            assertThat(tables).as("case tables for %s", format).isNotEmpty();
            formats.add(DynamicContainer.dynamicContainer(format, tables));
        }
        return formats.stream();
    }
}
