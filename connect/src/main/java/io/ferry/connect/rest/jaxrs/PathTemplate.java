package io.ferry.connect.rest.jaxrs;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A JAX-RS URI template ({@code @Path} value): literal text and variables {@code {name}} (one path
 * segment, or the shortest part of one that lets the rest match) or {@code {name: regex}}. A template
 * matches a whole request path, compared as it was sent (percent-encoded) without its matrix parameters
 * ({@code ;name=value} ending a segment); the template's literal text is compared percent-encoded, the
 * values of its variables are decoded. Leading, trailing and repeated slashes of the template do not
 * matter. Immutable.
 *
 * <p>{@link #MOST_SPECIFIC_FIRST} orders templates as JAX-RS does when several match: more literal
 * characters first, then more variables, then more variables with their own regular expression.
 */
public final class PathTemplate {
    /** JAX-RS's order of preference among templates that match the same path. */
    public static final Comparator<PathTemplate> MOST_SPECIFIC_FIRST = Comparator
            .comparingInt(PathTemplate::literalCharacters).reversed()
            .thenComparing(Comparator.comparingInt((PathTemplate template) -> template.names.size()).reversed())
            .thenComparing(Comparator.comparingInt(PathTemplate::regexVariables).reversed());

    /** Reluctant, as JAX-RS says, so that {@code {a}-{b}} binds {@code x} and {@code y-z} to {@code x-y-z}. */
    private static final String DEFAULT_VARIABLE = "[^/]+?";
    private static final Pattern MATRIX_PARAMETERS = Pattern.compile(";[^/]*");
    /** What a path may hold as it is, beside letters and digits: RFC 3986's unreserved, sub-delims, ':', '@', and '/'. */
    private static final String PATH_CHARACTERS = "-._~!$&'()*+,;=:@/";

    private final String template;
    private final Pattern pattern;
    private final List<String> names;
    private final List<Integer> groups;
    private final int literalCharacters;
    private final int regexVariables;

    private PathTemplate(String template, Pattern pattern, List<String> names, List<Integer> groups, int literals, int regexVariables) {
        this.template = template;
        this.pattern = pattern;
        this.names = names;
        this.groups = groups;
        this.literalCharacters = literals;
        this.regexVariables = regexVariables;
    }

    /**
     * Parses the {@code @Path} values of a resource class and of one of its methods, joined by a slash.
     *
     * @throws IllegalArgumentException naming the template when a brace is not closed, a variable has no
     *                                  name, or its regular expression does not compile
     */
    public static PathTemplate parse(String... parts) {
        String template = encode(normalize(String.join("/", parts)));
        StringBuilder regex = new StringBuilder();
        List<String> names = new ArrayList<>();
        List<Integer> groups = new ArrayList<>();
        int literals = 0;
        int regexVariables = 0;
        int group = 1;
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '{') {
                int next = template.indexOf('{', i);
                String literal = template.substring(i, next < 0 ? template.length() : next);
                regex.append(Pattern.quote(literal));
                literals += literal.length();
                i += literal.length();
                continue;
            }
            int end = closingBrace(template, i);
            String variable = template.substring(i + 1, end);
            int colon = variable.indexOf(':');
            String name = (colon < 0 ? variable : variable.substring(0, colon)).trim();
            String variableRegex = colon < 0 ? DEFAULT_VARIABLE : variable.substring(colon + 1).trim();
            if (name.isEmpty() || variableRegex.isEmpty()) {
                throw new IllegalArgumentException("The path template '" + template + "' has a variable without a name or a regular expression: {" + variable + "}");
            }
            if (colon >= 0) {
                regexVariables++;
            }
            names.add(name);
            groups.add(group);
            regex.append('(').append(variableRegex).append(')');
            group += 1 + groupCount(template, variableRegex);
            i = end + 1;
        }
        Pattern pattern = compile(template, regex.toString());
        return new PathTemplate(template, pattern, List.copyOf(names), List.copyOf(groups), literals, regexVariables);
    }

    /** A path with one leading slash, no trailing one, and no repeated ones: {@code /} for the root. */
    static String normalize(String path) {
        String collapsed = ("/" + path).replaceAll("/{2,}", "/");
        return collapsed.length() > 1 && collapsed.endsWith("/") ? collapsed.substring(0, collapsed.length() - 1) : collapsed;
    }

    /**
     * The template with its literal text percent-encoded as a request sends it ({@code two words} as
     * {@code two%20words}), as JAX-RS encodes templates before matching; variables and existing escapes stay.
     */
    private static String encode(String template) {
        StringBuilder encoded = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '{') {
                int end = closingBrace(template, i);
                encoded.append(template, i, end + 1);
                i = end + 1;
                continue;
            }
            int codePoint = template.codePointAt(i);
            boolean escape = c == '%' && i + 2 < template.length() && isHex(template.charAt(i + 1)) && isHex(template.charAt(i + 2));
            if (escape || (codePoint < 128 && (Character.isLetterOrDigit(c) || PATH_CHARACTERS.indexOf(c) >= 0))) {
                encoded.append(c);
            } else {
                for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
                    encoded.append('%').append(String.format("%02X", b & 0xff));
                }
            }
            i += Character.charCount(codePoint);
        }
        return encoded.toString();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    private static int closingBrace(String template, int open) {
        int depth = 0;
        for (int i = open; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("The path template '" + template + "' has a '{' at " + open + " that is not closed");
    }

    private static int groupCount(String template, String regex) {
        return compile(template, regex).matcher("").groupCount();
    }

    private static Pattern compile(String template, String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("The path template '" + template + "' has an invalid regular expression: " + e.getDescription(), e);
        }
    }

    /**
     * The decoded values of the variables when the template matches the whole path, else {@code null}.
     * When a name occurs twice, the last value wins.
     *
     * @param rawPath the request's path as sent (percent-encoded), starting with {@code /}, with or without matrix parameters
     */
    public Map<String, String> match(String rawPath) {
        Matcher matcher = pattern.matcher(normalize(MATRIX_PARAMETERS.matcher(rawPath).replaceAll("")));
        if (!matcher.matches()) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            values.put(names.get(i), decode(matcher.group(groups.get(i))));
        }
        return values;
    }

    /** The template's text, normalized and with its literal text percent-encoded: {@code /items/{id}}. */
    public String template() {
        return template;
    }

    /** The path up to its first variable, cut at the last slash before it: what every matching path starts with. */
    public String literalPrefix() {
        int brace = template.indexOf('{');
        if (brace < 0) {
            return template;
        }
        int slash = template.lastIndexOf('/', brace);
        return slash <= 0 ? "/" : template.substring(0, slash);
    }

    /**
     * Whether the two templates match the same paths the same way, as JAX-RS compares them when it chooses
     * a path before a method: the same regular expression, whatever their variables are named
     * ({@code items/{id}} and {@code items/{name}}).
     */
    boolean sameRegex(PathTemplate other) {
        return pattern.pattern().equals(other.pattern.pattern());
    }

    /** The names of the variables, in order. */
    public List<String> names() {
        return names;
    }

    int literalCharacters() {
        return literalCharacters;
    }

    int regexVariables() {
        return regexVariables;
    }

    /** Percent-decodes a path value; a {@code +} stays a plus, as in paths it is not a space. */
    static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return template;
    }
}
