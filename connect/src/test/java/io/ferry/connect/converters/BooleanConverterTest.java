package io.ferry.connect.converters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What sets the boolean converter apart from the number converters: it checks the schema. */
class BooleanConverterTest {
    private final BooleanConverter converter = new BooleanConverter();

    @Test
    void shouldWriteOneByteOneOrZero() {
        converter.configure(Map.of(), false);

        assertThat(converter.fromConnectData("t", Schema.BOOLEAN_SCHEMA, true)).containsExactly(1);
        assertThat(converter.fromConnectData("t", SchemaBuilder.bool().optional().doc("d").build(), false)).containsExactly(0);
    }

    @ParameterizedTest
    @EnumSource(value = Schema.Type.class, names = "BOOLEAN", mode = EnumSource.Mode.EXCLUDE)
    void shouldRefuseASchemaOfAnotherTypeNamingIt(Schema.Type type) {
        converter.configure(Map.of(), false);
        Schema schema = new SchemaBuilder(type).build();

        assertThatThrownBy(() -> converter.fromConnectData("t", schema, true))
                .isInstanceOf(DataException.class)
                .hasMessage("Invalid schema type for BooleanConverter: " + type);
    }
}
