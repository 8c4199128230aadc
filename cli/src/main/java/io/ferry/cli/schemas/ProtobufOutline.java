package io.ferry.cli.schemas;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.internal.parser.EnumConstantElement;
import com.squareup.wire.schema.internal.parser.EnumElement;
import com.squareup.wire.schema.internal.parser.FieldElement;
import com.squareup.wire.schema.internal.parser.MessageElement;
import com.squareup.wire.schema.internal.parser.OneOfElement;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.ProtoParser;
import com.squareup.wire.schema.internal.parser.TypeElement;

/**
 * A {@code .proto} file as a JSON document {@link SchemaDiff} can compare: syntax, package and imports, then messages
 * and enums as lists of named elements (a message's fields, oneofs, nested messages and enums; an enum's constants),
 * so a field whose type changed shows as one change at {@code messages[Order].fields[qty].type}. Options, comments and
 * services are left out: they do not change what a message holds. Pure and thread-safe.
 */
final class ProtobufOutline {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ProtobufOutline() {
    }

    /**
     * @throws IllegalArgumentException with the parser's message when the text is not a {@code .proto} file
     */
    static JsonNode of(String protoText) {
        ProtoFileElement file;
        try {
            file = ProtoParser.Companion.parse(Location.get(""), protoText);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        ObjectNode outline = NODES.objectNode();
        outline.put("syntax", file.getSyntax() == null ? "proto2" : file.getSyntax().toString());
        if (file.getPackageName() != null) {
            outline.put("package", file.getPackageName());
        }
        ArrayNode imports = outline.putArray("imports");
        file.getImports().forEach(imports::add);
        file.getPublicImports().forEach(imports::add);
        types(outline, file.getTypes());
        return outline;
    }

    private static void types(ObjectNode parent, List<TypeElement> types) {
        ArrayNode messages = NODES.arrayNode();
        ArrayNode enums = NODES.arrayNode();
        for (TypeElement type : types) {
            if (type instanceof MessageElement message) {
                messages.add(message(message));
            } else if (type instanceof EnumElement enumType) {
                enums.add(enumOutline(enumType));
            }
        }
        if (!messages.isEmpty()) {
            parent.set("messages", messages);
        }
        if (!enums.isEmpty()) {
            parent.set("enums", enums);
        }
    }

    private static ObjectNode message(MessageElement message) {
        ObjectNode outline = NODES.objectNode().put("name", message.getName());
        outline.set("fields", fields(message.getFields()));
        if (!message.getOneOfs().isEmpty()) {
            ArrayNode oneofs = outline.putArray("oneofs");
            for (OneOfElement oneof : message.getOneOfs()) {
                oneofs.addObject().put("name", oneof.getName()).set("fields", fields(oneof.getFields()));
            }
        }
        types(outline, message.getNestedTypes());
        return outline;
    }

    private static ArrayNode fields(List<FieldElement> fields) {
        ArrayNode outlines = NODES.arrayNode();
        for (FieldElement field : fields) {
            ObjectNode outline = outlines.addObject().put("name", field.getName()).put("number", field.getTag())
                    .put("type", field.getType());
            if (field.getLabel() != null) {
                outline.put("label", field.getLabel().name().toLowerCase(Locale.ROOT));
            }
            if (field.getDefaultValue() != null) {
                outline.put("default", field.getDefaultValue());
            }
        }
        return outlines;
    }

    private static ObjectNode enumOutline(EnumElement enumType) {
        ObjectNode outline = NODES.objectNode().put("name", enumType.getName());
        ArrayNode constants = outline.putArray("constants");
        for (EnumConstantElement constant : enumType.getConstants()) {
            constants.addObject().put("name", constant.getName()).put("number", constant.getTag());
        }
        return outline;
    }
}
