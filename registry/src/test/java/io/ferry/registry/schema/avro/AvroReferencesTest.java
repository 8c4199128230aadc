package io.ferry.registry.schema.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import io.ferry.registry.schema.InvalidSchemaException;
import io.ferry.registry.schema.ResolvedReference;
import io.ferry.registry.schema.SchemaReference;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** A schema may use the named types of schemas registered under other subjects. */
class AvroReferencesTest {

    private static final String ADDRESS = """
            {"type": "record", "name": "Address", "namespace": "com.acme", "fields": [
              {"name": "street", "type": "string"},
              {"name": "country", "type": {"type": "enum", "name": "Country", "symbols": ["NL", "FR"]}}
            ]}
            """;
    private static final String CUSTOMER = """
            {"type": "record", "name": "Customer", "namespace": "com.acme", "fields": [
              {"name": "home", "type": "Address"},
              {"name": "work", "type": ["null", "com.acme.Address"], "default": null}
            ]}
            """;
    private static final SchemaReference ADDRESS_REF = new SchemaReference("com.acme.Address", "address-value", 1);

    private final AvroSchemaProvider provider = new AvroSchemaProvider();

    @Test
    void shouldWriteReferencedTypesByNameInTheCanonicalString() throws InvalidSchemaException {
        AvroParsedSchema customer = provider.parse(CUSTOMER, List.of(ADDRESS_REF),
                List.of(new ResolvedReference(ADDRESS_REF, ADDRESS)));

        assertThat(customer.canonicalString()).isEqualTo(
                "{\"type\":\"record\",\"name\":\"Customer\",\"namespace\":\"com.acme\",\"fields\":["
                        + "{\"name\":\"home\",\"type\":\"Address\"},"
                        + "{\"name\":\"work\",\"type\":[\"null\",\"Address\"],\"default\":null}]}");
        assertThat(customer.references()).containsExactly(ADDRESS_REF);
    }

    @Test
    void shouldResolveReferencedTypesInTheParsedSchema() throws InvalidSchemaException {
        AvroParsedSchema customer = provider.parse(CUSTOMER, List.of(ADDRESS_REF),
                List.of(new ResolvedReference(ADDRESS_REF, ADDRESS)));

        Schema home = customer.rawSchema().getField("home").schema();
        assertThat(home.getFullName()).isEqualTo("com.acme.Address");
        assertThat(home.getFields()).extracting(Schema.Field::name).containsExactly("street", "country");
    }

    @Test
    void shouldInlineTypesNestedInAReferencedSchema() throws InvalidSchemaException {
        // Only the top-level type of a referenced schema is known by name, as in Confluent Schema Registry.
        String usesCountry = """
                {"type": "record", "name": "Shipment", "namespace": "com.acme", "fields": [
                  {"name": "to", "type": "Address"},
                  {"name": "origin", "type": "Country"}
                ]}
                """;

        AvroParsedSchema shipment = provider.parse(usesCountry, List.of(ADDRESS_REF),
                List.of(new ResolvedReference(ADDRESS_REF, ADDRESS)));

        assertThat(shipment.canonicalString()).isEqualTo(
                "{\"type\":\"record\",\"name\":\"Shipment\",\"namespace\":\"com.acme\",\"fields\":["
                        + "{\"name\":\"to\",\"type\":\"Address\"},"
                        + "{\"name\":\"origin\",\"type\":{\"type\":\"enum\",\"name\":\"Country\",\"symbols\":[\"NL\",\"FR\"]}}]}");
    }

    @Test
    void shouldParseTransitiveReferencesDependenciesFirst() throws InvalidSchemaException {
        String order = """
                {"type": "record", "name": "Order", "namespace": "com.acme", "fields": [
                  {"name": "customer", "type": "Customer"},
                  {"name": "billing", "type": "Address"}
                ]}
                """;
        SchemaReference customerRef = new SchemaReference("com.acme.Customer", "customer-value", 3);

        AvroParsedSchema parsed = provider.parse(order, List.of(customerRef), List.of(
                new ResolvedReference(ADDRESS_REF, ADDRESS),
                new ResolvedReference(customerRef, CUSTOMER)));

        assertThat(parsed.canonicalString()).isEqualTo(
                "{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"com.acme\",\"fields\":["
                        + "{\"name\":\"customer\",\"type\":\"Customer\"},{\"name\":\"billing\",\"type\":\"Address\"}]}");
    }

    @Test
    void shouldRejectAReferenceThatWasNotResolved() {
        assertThatThrownBy(() -> provider.parse(CUSTOMER, List.of(ADDRESS_REF), List.of()))
                .isInstanceOf(InvalidSchemaException.class)
                .hasMessage("No schema reference found for subject \"address-value\" and version 1");
    }

    @Test
    void shouldRejectAReferencedVersionThatWasNotResolved() {
        SchemaReference otherVersion = new SchemaReference("com.acme.Address", "address-value", 2);

        assertThatThrownBy(() -> provider.parse(CUSTOMER, List.of(otherVersion),
                List.of(new ResolvedReference(ADDRESS_REF, ADDRESS))))
                .isInstanceOf(InvalidSchemaException.class)
                .hasMessage("No schema reference found for subject \"address-value\" and version 2");
    }

    @Test
    void shouldRejectANamedTypeThatNoReferenceDefines() {
        assertThatThrownBy(() -> provider.parse(CUSTOMER, List.of(), List.of()))
                .isInstanceOf(InvalidSchemaException.class)
                .hasMessage("Undefined schema: com.acme.Address");
    }

    @Test
    void shouldRejectAnInvalidReferencedSchemaWithItsMessage() {
        String broken = "{\"type\": \"record\", \"name\": \"Address\", \"namespace\": \"com.acme\"}";

        assertThatThrownBy(() -> provider.parse(CUSTOMER, List.of(ADDRESS_REF),
                List.of(new ResolvedReference(ADDRESS_REF, broken))))
                .isInstanceOf(InvalidSchemaException.class)
                .hasMessageStartingWith("Record has no fields");
    }

    @Test
    void shouldTellSchemasApartByTheirReferences() throws InvalidSchemaException {
        SchemaReference laterAddress = new SchemaReference("com.acme.Address", "address-value", 2);

        AvroParsedSchema first = provider.parse(CUSTOMER, List.of(ADDRESS_REF),
                List.of(new ResolvedReference(ADDRESS_REF, ADDRESS)));
        AvroParsedSchema second = provider.parse(CUSTOMER, List.of(laterAddress),
                List.of(new ResolvedReference(laterAddress, ADDRESS)));

        assertThat(first.canonicalString()).isEqualTo(second.canonicalString());
        assertThat(first).isNotEqualTo(second);
    }
}
