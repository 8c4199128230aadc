package io.ferry.protobuf;

/** Names {@code protoc} derives from the names written in a {@code .proto} file. Stateless. */
public final class ProtoNames {

    private ProtoNames() {
    }

    /** protoc's {@code json_name}: lowerCamelCase of a snake_case name. */
    public static String jsonName(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean upper = false;
        for (char c : name.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    /** protoc's name for a map field's entry message: the field name in upper camel case, then {@code Entry}. */
    public static String mapEntryName(String fieldName) {
        String camel = jsonName(fieldName);
        return camel.isEmpty() ? "Entry" : Character.toUpperCase(camel.charAt(0)) + camel.substring(1) + "Entry";
    }
}
