package io.ferry.connectors.datagen;

import java.util.Map;
import java.util.Set;

import io.ferry.connect.config.ConfigReference;
import io.ferry.testkit.docs.GeneratedSections;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/connectors/datagen.md} shows the settings as their definition generates them. Run with
 * {@code -Dferry.docs.write=true} to rewrite the table after changing the definition.
 */
class DatagenConfigDocTest {

    @Test
    void shouldDocumentEverySettingAsItsDefinitionSays() {
        GeneratedSections.check("docs/connectors/datagen.md",
                Map.of("datagen", ConfigReference.markdownTable(DatagenConfig.CONFIG_DEF, Set.of())));
    }
}
