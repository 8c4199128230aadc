package io.ferry.connectors.datagen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.ferry.connectors.datagen.generate.DatagenDraw;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each quickstart has the fields and key field of Confluent's quickstart of the same name, and generates valid values. */
class DatagenQuickstartTest {
    static Stream<Arguments> quickstarts() {
        return Stream.of(
                Arguments.of(DatagenQuickstart.USERS, "ksql.users", List.of("registertime", "userid", "regionid", "gender")),
                Arguments.of(DatagenQuickstart.PAGEVIEWS, "ksql.pageviews", List.of("viewtime", "userid", "pageid")),
                Arguments.of(DatagenQuickstart.ORDERS, "ksql.orders", List.of("ordertime", "orderid", "itemid", "orderunits", "address")),
                Arguments.of(DatagenQuickstart.STOCK_TRADES, "ksql.StockTrade",
                        List.of("side", "quantity", "symbol", "price", "account", "userid")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("quickstarts")
    void shouldGenerateTheFieldsOfConfluentsQuickstart(DatagenQuickstart quickstart, String name, List<String> fields) {
        DatagenSchemaSource source = DatagenSchemaSource.resolve(new DatagenConfig(Map.of("kafka.topic", "t",
                "quickstart", quickstart.configName())));
        assertThat(source.compiled().schema().name()).isEqualTo(name);
        assertThat(source.compiled().schema().fields()).extracting(Field::name).containsExactlyElementsOf(fields);
        assertThat(source.keyField().name()).isEqualTo(quickstart.keyField());
        for (long sequence = 0; sequence < 200; sequence++) {
            Struct value = (Struct) source.compiled().generator().next(DatagenDraw.of(0, 0, sequence));
            value.validate();
            assertThat(value.get(source.keyField())).isNotNull();
        }
    }
}
