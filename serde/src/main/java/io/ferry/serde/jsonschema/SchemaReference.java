package io.ferry.serde.jsonschema;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A schema that the text of a {@link Schema} annotation refers to: its reference name, subject and version. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface SchemaReference {

    /** The name the referring schema uses for it (its {@code $ref} target). */
    String name();

    /** The registry subject it is registered under. */
    String subject();

    /** Its version in the subject. */
    int version();
}
