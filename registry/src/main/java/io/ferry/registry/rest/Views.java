package io.ferry.registry.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.registry.service.SchemaRegistryService;
import io.ferry.registry.store.SubjectVersion;

/** Answers built from the service: a version with its guid and its text in the format asked for. */
final class Views {

    private Views() {
    }

    static ObjectNode version(SchemaRegistryService registry, SubjectVersion version, String format) {
        String text = format == null || format.isBlank() ? version.content().schema() : registry.schemaText(version.id(), format);
        return ApiJson.version(version, registry.guidOf(version.id()), text);
    }
}
