package io.ferry.serde.jsonschema;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a class its JSON Schema explicitly: {@link KafkaJsonSchemaSerializer} writes instances of an annotated class
 * with {@link #value()} instead of deriving a schema from the class. The attributes are those of the schema
 * annotation Confluent's serializer reads, so an annotated class moves between the two by changing the import.
 *
 * <pre>{@code
 * @Schema("{\"type\":\"object\",\"title\":\"Order\",\"properties\":{\"id\":{\"type\":\"integer\"}}}")
 * public record Order(long id) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Schema {

    /** The JSON Schema text the class's instances are written with. */
    String value();

    /**
     * Schemas {@link #value()} refers to, by registry subject and version. The serializer does not resolve
     * references yet and refuses a class that declares any.
     */
    SchemaReference[] refs() default {};
}
