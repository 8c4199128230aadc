package io.ferry.registry.compat;

import java.util.List;

import io.ferry.registry.schema.ParsedSchema;

/** What goes wrong when one schema reads data written with another; one implementation per schema type. */
@FunctionalInterface
public interface ReadCheck {

    /**
     * @param reader     the schema that reads
     * @param writer     the schema the data was written with, of the same type
     * @param readerRole whether the reader is the candidate or the earlier version, for the descriptions
     * @return the problems, in the order the schema library reports them; empty when the reader can read
     */
    List<Incompatibility> problems(ParsedSchema reader, ParsedSchema writer, SchemaRole readerRole);
}
