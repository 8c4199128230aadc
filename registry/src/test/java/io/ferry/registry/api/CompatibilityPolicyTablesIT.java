package io.ferry.registry.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The policy case tables of {@code compat-policies/json/<policy>.json}, each case checked through the REST API
 * with the subject's {@code compatibilityPolicy} set to the table's name ({@code lenient.json}: LENIENT), so the
 * setting is proven to reach the checker as a client sets it.
 */
class CompatibilityPolicyTablesIT {

    @RegisterExtension
    static final RegistryFixture REGISTRY = RegistryFixture.local();

    @TestFactory
    Stream<DynamicNode> everyCaseUnderItsTablesPolicy() throws IOException, URISyntaxException {
        CompatibilityCaseTables runner = new CompatibilityCaseTables(REGISTRY::api);
        List<DynamicNode> tables = new ArrayList<>();
        for (Path table : CompatibilityCaseTables.tables("compat-policies/json")) {
            String file = table.getFileName().toString();
            String policy = file.substring(0, file.length() - ".json".length()).toUpperCase(Locale.ROOT);
            ObjectNode settings = JsonNodeFactory.instance.objectNode().put("compatibilityPolicy", policy);
            tables.add(DynamicContainer.dynamicContainer(file, runner.cases("json", table, settings)));
        }
        assertThat(tables).as("policy tables for json").isNotEmpty();
        return tables.stream();
    }
}
