package io.ferry.connectors.jdbc.dialect;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Schemaless values (maps, lists, strings, numbers, booleans, bytes, null) as JSON text, for writing them
 * into JSON and text columns. Bytes become base64 strings, as JsonConverter writes them.
 */
final class JsonText {
    private JsonText() {
    }

    static String of(Object value) {
        StringBuilder json = new StringBuilder();
        append(json, value);
        return json.toString();
    }

    private static void append(StringBuilder json, Object value) {
        if (value == null) {
            json.append("null");
        } else if (value instanceof Map<?, ?> map) {
            json.append('{');
            Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
            while (entries.hasNext()) {
                Map.Entry<?, ?> entry = entries.next();
                appendString(json, String.valueOf(entry.getKey()));
                json.append(':');
                append(json, entry.getValue());
                if (entries.hasNext()) {
                    json.append(',');
                }
            }
            json.append('}');
        } else if (value instanceof List<?> list) {
            json.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    json.append(',');
                }
                append(json, list.get(i));
            }
            json.append(']');
        } else if (value instanceof Number number) {
            appendNumber(json, number);
        } else if (value instanceof Boolean) {
            json.append(value);
        } else if (value instanceof byte[] || value instanceof ByteBuffer) {
            appendString(json, Base64.getEncoder().encodeToString(SqlLiterals.bytes(value)));
        } else {
            appendString(json, value.toString());
        }
    }

    private static void appendNumber(StringBuilder json, Number number) {
        if (number instanceof Double d && (d.isNaN() || d.isInfinite())
                || number instanceof Float f && (f.isNaN() || f.isInfinite())) {
            appendString(json, number.toString()); // JSON has no NaN or Infinity
        } else if (number instanceof java.math.BigDecimal decimal) {
            json.append(decimal.toPlainString());
        } else {
            json.append(number);
        }
    }

    private static void appendString(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
