package io.ferry.serde.jsonschema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PojoSchemaGeneratorTest {
    /** Expected schemas are written with ' for " to stay readable. */
    private static final String D7 = "'http://json-schema.org/draft-07/schema#'";
    private static final String NULL = "{'type':'null','title':'Not included'}";

    public static class Primitives {
        public int count;
        public long total;
        public double ratio;
        public boolean active;
        public String name;
    }

    public static class Boxed {
        private String hidden;
        private Integer count;
        public Integer getCount() {
            return count;
        }
        public Double ratio;
        public Boolean active;
    }

    public static class Address {
        public String city;
    }

    public static class Customer {
        public long id;
        public Address home;
    }

    public enum Colour { RED, GREEN }

    public static class Collections {
        public List<String> tags;
        public Map<String, Integer> counts;
        public Colour colour;
        public List<Address> addresses;
    }

    public static class Stamped {
        public Date at;
    }

    public static class Timed {
        public Instant instant;
        public OffsetDateTime offset;
        public ZonedDateTime zoned;
        public LocalDate day;
        public LocalDateTime local;
        public LocalTime time;
        public Duration duration;
    }

    /**
     * The properties of {@link Timed}, each a string with the format that fits it, or none: the formats date-time
     * and time require an offset, which local values have not.
     */
    private static String timedProperties(String durationFormat) {
        return "'properties':{'instant':{'oneOf':[" + NULL + ",{'type':'string','format':'date-time'}]},"
                + "'offset':{'oneOf':[" + NULL + ",{'type':'string','format':'date-time'}]},"
                + "'zoned':{'oneOf':[" + NULL + ",{'type':'string','format':'date-time'}]},"
                + "'day':{'oneOf':[" + NULL + ",{'type':'string','format':'date'}]},"
                + "'local':{'oneOf':[" + NULL + ",{'type':'string'}]},"
                + "'time':{'oneOf':[" + NULL + ",{'type':'string'}]},"
                + "'duration':{'oneOf':[" + NULL + ",{'type':'string'" + durationFormat + "}]}}}";
    }

    @JsonPropertyOrder({"second", "first"})
    public static class Annotated {
        @JsonProperty("first_name")
        public String first;
        public String second;
        @JsonIgnore
        public String secret;
        @JsonProperty(required = true)
        public String mandatory;
    }

    public static class Base {
        public String base;
    }

    public static class Derived extends Base {
        public int own;
    }

    public static class OrderLine {
        public int quantity;
    }

    @Schema("{\"type\":\"object\",\"title\":\"Given\",\"properties\":{\"id\":{\"type\":\"integer\"}}}")
    public static class Given {
        public long id;
    }

    @Schema(value = "{\"$ref\":\"other.json\"}", refs = @SchemaReference(name = "other.json", subject = "other", version = 1))
    public static class WithReferences {
    }

    static Stream<Arguments> derivedSchemas() {
        PojoSchemaOptions defaults = PojoSchemaOptions.defaults();
        return Stream.of(
                Arguments.of("primitives are required, a String is a oneOf with null", Primitives.class, defaults,
                        "{'$schema':" + D7 + ",'title':'Primitives','type':'object','additionalProperties':false,"
                        + "'properties':{'count':{'type':'integer'},'total':{'type':'integer'},'ratio':{'type':'number'},"
                        + "'active':{'type':'boolean'},'name':{'oneOf':[" + NULL + ",{'type':'string'}]}},'required':['count',"
                        + "'total','ratio','active']}"),
                Arguments.of("boxed primitives are optional, a field Jackson does not write is left out", Boxed.class, defaults,
                        "{'$schema':" + D7 + ",'title':'Boxed','type':'object','additionalProperties':false,"
                        + "'properties':{'count':{'oneOf':[" + NULL + ",{'type':'integer'}]},'ratio':{'oneOf':[" + NULL + ","
                        + "{'type':'number'}]},'active':{'oneOf':[" + NULL + ",{'type':'boolean'}]}}}"),
                Arguments.of("a nested class is a definition", Customer.class, defaults,
                        "{'$schema':" + D7 + ",'title':'Customer','type':'object','additionalProperties':false,"
                        + "'properties':{'id':{'type':'integer'},'home':{'oneOf':[" + NULL + ","
                        + "{'$ref':'#/definitions/Address'}]}},'required':['id'],'definitions':{'Address':{'type':'object',"
                        + "'additionalProperties':false,'properties':{'city':{'oneOf':[" + NULL + ",{'type':'string'}]}}}}}"),
                Arguments.of("lists, maps and enums are inline, list items of a class refer to its definition", Collections.class, defaults,
                        "{'$schema':" + D7 + ",'title':'Collections','type':'object','additionalProperties':false,"
                        + "'properties':{'tags':{'oneOf':[" + NULL + ",{'type':'array','items':{'type':'string'}}]},"
                        + "'counts':{'oneOf':[" + NULL + ",{'type':'object','additionalProperties':{'type':'integer'}}]},"
                        + "'colour':{'oneOf':[" + NULL + ",{'type':'string','enum':['RED','GREEN']}]},"
                        + "'addresses':{'oneOf':[" + NULL + ",{'type':'array','items':{'$ref':'#/definitions/Address'}}]}},"
                        + "'definitions':{'Address':{'type':'object','additionalProperties':false,"
                        + "'properties':{'city':{'oneOf':[" + NULL + ",{'type':'string'}]}}}}}"),
                Arguments.of("dates are epoch milliseconds", Stamped.class, defaults,
                        "{'$schema':" + D7 + ",'title':'Stamped','type':'object','additionalProperties':false,"
                        + "'properties':{'at':{'oneOf':[" + NULL + ",{'type':'integer','format':'utc-millisec'}]}}}"),
                Arguments.of("dates are date-time strings with json.write.dates.iso8601", Stamped.class, new PojoSchemaOptions(JsonSchemaSpecVersion.DRAFT_7, true, true, true, null),
                        "{'$schema':" + D7 + ",'title':'Stamped','type':'object','additionalProperties':false,"
                        + "'properties':{'at':{'oneOf':[" + NULL + ",{'type':'string','format':'date-time'}]}}}"),
                Arguments.of("java.time values are strings, a duration without format before draft 2019-09", Timed.class, defaults,
                        "{'$schema':" + D7 + ",'title':'Timed','type':'object','additionalProperties':false," + timedProperties("")),
                Arguments.of("java.time values are strings whatever json.write.dates.iso8601 says", Timed.class,
                        new PojoSchemaOptions(JsonSchemaSpecVersion.DRAFT_4, true, true, true, null),
                        "{'$schema':'http://json-schema.org/draft-04/schema#','title':'Timed','type':'object',"
                        + "'additionalProperties':false," + timedProperties("")),
                Arguments.of("a duration has the duration format from draft 2019-09", Timed.class,
                        new PojoSchemaOptions(JsonSchemaSpecVersion.DRAFT_2019_09, true, true, false, null),
                        "{'$schema':'https://json-schema.org/draft/2019-09/schema','title':'Timed','type':'object',"
                        + "'additionalProperties':false," + timedProperties(",'format':'duration'")),
                Arguments.of("java.time values in draft 2020-12", Timed.class,
                        new PojoSchemaOptions(JsonSchemaSpecVersion.DRAFT_2020_12, true, true, false, null),
                        "{'$schema':'https://json-schema.org/draft/2020-12/schema','title':'Timed','type':'object',"
                        + "'additionalProperties':false," + timedProperties(",'format':'duration'")),
                Arguments.of("draft 6", OrderLine.class, new PojoSchemaOptions(JsonSchemaSpecVersion.DRAFT_6, true, true, true, null),
                        "{'$schema':'http://json-schema.org/draft-06/schema#','title':'Order Line','type':'object',"
                        + "'additionalProperties':false,'properties':{'quantity':{'type':'integer'}},'required':['quantity']}"),
                Arguments.of("draft 2019-09", OrderLine.class, new PojoSchemaOptions(JsonSchemaSpecVersion.DRAFT_2019_09, true, true, true, null),
                        "{'$schema':'https://json-schema.org/draft/2019-09/schema','title':'Order Line','type':'object',"
                        + "'additionalProperties':false,'properties':{'quantity':{'type':'integer'}},'required':['quantity']}"),
                Arguments.of("@JsonProperty names and requires, @JsonIgnore leaves out, @JsonPropertyOrder orders", Annotated.class, defaults,
                        "{'$schema':" + D7 + ",'title':'Annotated','type':'object','additionalProperties':false,"
                        + "'properties':{'second':{'oneOf':[" + NULL + ",{'type':'string'}]},"
                        + "'first_name':{'oneOf':[" + NULL + ",{'type':'string'}]},'mandatory':{'type':'string'}},"
                        + "'required':['mandatory']}"),
                Arguments.of("inherited properties first, as Jackson writes them", Derived.class, defaults,
                        "{'$schema':" + D7 + ",'title':'Derived','type':'object','additionalProperties':false,"
                        + "'properties':{'base':{'oneOf':[" + NULL + ",{'type':'string'}]},'own':{'type':'integer'}},"
                        + "'required':['own']}"),
                Arguments.of("the title is the class name in words", OrderLine.class, defaults,
                        "{'$schema':" + D7 + ",'title':'Order Line','type':'object','additionalProperties':false,"
                        + "'properties':{'quantity':{'type':'integer'}},'required':['quantity']}"),
                Arguments.of("draft 2020-12 collects definitions under $defs", Customer.class, new PojoSchemaOptions(JsonSchemaSpecVersion.DRAFT_2020_12, true, true, false, null),
                        "{'$schema':'https://json-schema.org/draft/2020-12/schema','title':'Customer','type':'object',"
                        + "'additionalProperties':false,'properties':{'id':{'type':'integer'},'home':{'oneOf':[" + NULL + ","
                        + "{'$ref':'#/$defs/Address'}]}},'required':['id'],'$defs':{'Address':{'type':'object',"
                        + "'additionalProperties':false,'properties':{'city':{'oneOf':[" + NULL + ",{'type':'string'}]}}}}}"),
                Arguments.of("draft 4, without oneOf for nullables and an open content model", Customer.class, new PojoSchemaOptions(JsonSchemaSpecVersion.DRAFT_4, false, false, true, null),
                        "{'$schema':'http://json-schema.org/draft-04/schema#','title':'Customer','type':'object',"
                        + "'properties':{'id':{'type':'integer'},'home':{'$ref':'#/definitions/Address'}},'required':['id'],"
                        + "'definitions':{'Address':{'type':'object','properties':{'city':{'type':'string'}}}}}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("derivedSchemas")
    void shouldDeriveTheSchemaConfluentsSerializerRegisters(String name, Class<?> type, PojoSchemaOptions options, String expected) {
        assertThat(new PojoSchemaGenerator(options).schemaOf(type).text()).isEqualTo(expected.replace('\'', '"'));
    }

    public record Order(long id, String item) {
    }

    @Test
    void shouldDeriveARecordFromItsComponents() {
        assertThat(new PojoSchemaGenerator(PojoSchemaOptions.defaults()).schemaOf(Order.class).text()).isEqualTo((
                "{'$schema':" + D7 + ",'title':'Order','type':'object','additionalProperties':false,"
                        + "'properties':{'id':{'type':'integer'},'item':{'oneOf':[" + NULL + ",{'type':'string'}]}},"
                        + "'required':['id']}").replace('\'', '"'));
    }

    @Test
    void shouldTakeTheSchemaOfTheAnnotationInsteadOfDerivingOne() {
        assertThat(new PojoSchemaGenerator(PojoSchemaOptions.defaults()).schemaOf(Given.class).text())
                .isEqualTo("{\"type\":\"object\",\"title\":\"Given\",\"properties\":{\"id\":{\"type\":\"integer\"}}}");
    }

    @Test
    void shouldRefuseAnAnnotationWithReferences() {
        assertThatThrownBy(() -> new PojoSchemaGenerator(PojoSchemaOptions.defaults()).schemaOf(WithReferences.class))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(WithReferences.class.getName())
                .hasMessageContaining("other.json");
    }

    @Test
    void shouldDeriveEachClassOnce() {
        PojoSchemaGenerator generator = new PojoSchemaGenerator(PojoSchemaOptions.defaults());

        assertThat(generator.schemaOf(Customer.class)).isSameAs(generator.schemaOf(Customer.class));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"Order, Order", "OrderLine, Order Line", "HTTPRequest, HTTP Request", "Line2, Line 2", "lower, Lower"})
    void shouldTitleAClassWithItsNameInWords(String simpleName, String title) {
        assertThat(DerivedSchemaShaper.title(simpleName)).isEqualTo(title);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"draft_4, DRAFT_4", "DRAFT_7, DRAFT_7", "draft_2019_09, DRAFT_2019_09", "draft_2020_12, DRAFT_2020_12"})
    void shouldReadTheSpecVersionSettingInAnyCase(String setting, JsonSchemaSpecVersion version) {
        assertThat(JsonSchemaSpecVersion.of(setting)).isEqualTo(version);
    }

    @Test
    void shouldRefuseAnUnknownSpecVersion() {
        assertThatThrownBy(() -> JsonSchemaSpecVersion.of("draft_3"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("draft_2020_12");
    }
}
