package io.ferry.connectors.jdbc.dialect;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.connect.errors.DataException;

/**
 * PostgreSQL's array literal text ({@code {a,"b,c",NULL,{…}}}) both ways, for the element types whose
 * elements the driver cannot decode: each element is the element type's own text, which PostgreSQL's
 * input function takes back. Elements are separated by the type's delimiter: a comma, except for
 * {@code box}, whose text holds commas and whose arrays use a semicolon.
 */
final class PostgresArrayText {
    private PostgresArrayText() {
    }

    /** The delimiter of arrays of the element type. */
    static char delimiter(String elementType) {
        return "box".equals(elementType) ? ';' : ',';
    }

    /**
     * The elements of an array's text: each a String, null for an unquoted {@code NULL}, or an
     * {@code Object[]} of the next dimension. A leading dimension decoration ({@code [0:1]=}, written for
     * arrays whose lower bound is not 1) is skipped.
     *
     * @throws DataException when the text is not an array literal
     */
    static Object[] parse(String text, char delimiter) {
        Parser parser = new Parser(text, delimiter);
        if (text.startsWith("[")) {
            int equals = text.indexOf('=');
            if (equals < 0) {
                throw parser.malformed("a dimension decoration without '='");
            }
            parser.position = equals + 1;
        }
        Object[] elements = parser.array();
        parser.skipSpaces();
        if (parser.position != text.length()) {
            throw parser.malformed("text after the closing brace");
        }
        return elements;
    }

    /**
     * The array literal of a Connect list (lists nested in it are further dimensions): every element
     * quoted, its {@code "} and {@code \} escaped, so that no element text can be taken for a delimiter,
     * brace or NULL.
     */
    static String format(List<?> values, char delimiter) {
        StringBuilder text = new StringBuilder();
        append(text, values, delimiter);
        return text.toString();
    }

    private static void append(StringBuilder text, List<?> values, char delimiter) {
        text.append('{');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                text.append(delimiter);
            }
            Object value = values.get(i);
            if (value == null) {
                text.append("NULL");
            } else if (value instanceof List<?> nested) {
                append(text, nested, delimiter);
            } else {
                text.append('"');
                String element = value.toString();
                for (int c = 0; c < element.length(); c++) {
                    char ch = element.charAt(c);
                    if (ch == '"' || ch == '\\') {
                        text.append('\\');
                    }
                    text.append(ch);
                }
                text.append('"');
            }
        }
        text.append('}');
    }

    private static final class Parser {
        private final String text;
        private final char delimiter;
        private int position;

        Parser(String text, char delimiter) {
            this.text = text;
            this.delimiter = delimiter;
        }

        Object[] array() {
            skipSpaces();
            expect('{');
            List<Object> elements = new ArrayList<>();
            skipSpaces();
            if (peek() == '}') {
                position++;
                return elements.toArray();
            }
            while (true) {
                skipSpaces();
                char first = peek();
                elements.add(first == '{' ? array() : first == '"' ? quoted() : unquoted());
                skipSpaces();
                char next = peek();
                position++;
                if (next == '}') {
                    return elements.toArray();
                }
                if (next != delimiter) {
                    throw malformed("'" + next + "' where '" + delimiter + "' or '}' belongs");
                }
            }
        }

        private String quoted() {
            position++;
            StringBuilder element = new StringBuilder();
            while (true) {
                char ch = peek();
                position++;
                if (ch == '"') {
                    return element.toString();
                }
                if (ch == '\\') {
                    ch = peek();
                    position++;
                }
                element.append(ch);
            }
        }

        /** An unquoted element: up to the delimiter or brace, backslashes escaping, surrounding spaces trimmed. */
        private String unquoted() {
            StringBuilder element = new StringBuilder();
            boolean escaped = false;
            int kept = 0; // the length up to the last escaped or non-space character
            while (true) {
                char ch = peek();
                if (ch == delimiter || ch == '}') {
                    break;
                }
                position++;
                if (ch == '\\') {
                    element.append(peek());
                    position++;
                    escaped = true;
                    kept = element.length();
                } else {
                    element.append(ch);
                    if (!Character.isWhitespace(ch)) {
                        kept = element.length();
                    }
                }
            }
            element.setLength(kept);
            if (element.isEmpty()) {
                throw malformed("an empty unquoted element");
            }
            String value = element.toString();
            return !escaped && "NULL".equalsIgnoreCase(value) ? null : value;
        }

        void skipSpaces() {
            while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
                position++;
            }
        }

        private char peek() {
            if (position >= text.length()) {
                throw malformed("an unexpected end");
            }
            return text.charAt(position);
        }

        private void expect(char expected) {
            if (peek() != expected) {
                throw malformed("'" + peek() + "' where '" + expected + "' belongs");
            }
            position++;
        }

        DataException malformed(String problem) {
            return new DataException("PostgreSQL array text " + abbreviated() + " is malformed at character "
                    + (position + 1) + ": " + problem);
        }

        private String abbreviated() {
            return text.length() <= 200 ? "'" + text + "'" : "'" + text.substring(0, 200) + "…'";
        }
    }
}
