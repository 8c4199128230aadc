package io.ferry.registry.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.registry.schema.SchemaReference;
import io.ferry.registry.schema.SchemaType;
import org.junit.jupiter.api.Test;

class SchemaGuidsTest {

    @Test
    void shouldGiveTheDigestConfluentsRegistryPinsForASchema() throws Exception {
        String schema = "{\"type\":\"record\",\"name\":\"myrecord\",\"fields\":[{\"type\":\"string\",\"default\":null,\"name\":\"f\"}]}";
        UUID guid = SchemaGuids.guidOf(new SchemaContent(SchemaType.AVRO, schema, List.of(), null, null));
        byte[] expected = {29, 32, -53, -71, -27, -29, 94, -105, 84, -25, -38, 23, 11, 110, 93, -37};
        ByteBuffer digest = ByteBuffer.wrap(expected);
        assertThat(guid).isEqualTo(new UUID(digest.getLong(), digest.getLong()));
    }

    @Test
    void shouldDifferWithReferencesMetadataAndRuleSetsButNotWithJsonFieldOrder() throws Exception {
        ObjectMapper json = new ObjectMapper();
        SchemaContent plain = new SchemaContent(SchemaType.AVRO, "\"int\"", List.of(), null, null);
        SchemaContent referencing = new SchemaContent(SchemaType.AVRO, "\"int\"", List.of(new SchemaReference("a", "s", 1)), null, null);
        ObjectNode ab = (ObjectNode) json.readTree("{\"properties\":{\"a\":\"1\",\"b\":\"2\"}}");
        ObjectNode ba = (ObjectNode) json.readTree("{\"properties\":{\"b\":\"2\",\"a\":\"1\"}}");
        SchemaContent withMetadata = new SchemaContent(SchemaType.AVRO, "\"int\"", List.of(), ab, null);
        SchemaContent reordered = new SchemaContent(SchemaType.AVRO, "\"int\"", List.of(), ba, null);
        ObjectNode rules = (ObjectNode) json.readTree("{\"domainRules\":[{\"name\":\"r\",\"kind\":\"CONDITION\",\"type\":\"CEL\",\"expr\":\"x\"}]}");
        SchemaContent withRules = new SchemaContent(SchemaType.AVRO, "\"int\"", List.of(), null, rules);

        assertThat(SchemaGuids.guidOf(referencing)).isNotEqualTo(SchemaGuids.guidOf(plain));
        assertThat(SchemaGuids.guidOf(withMetadata)).isNotEqualTo(SchemaGuids.guidOf(plain)).isEqualTo(SchemaGuids.guidOf(reordered));
        assertThat(SchemaGuids.guidOf(withRules)).isNotEqualTo(SchemaGuids.guidOf(plain));
    }
}
