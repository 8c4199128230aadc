package io.ferry.connectors.datagen.generate;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Makes strings that match a regular expression, for the subset datagen schemas use: literals and escaped
 * characters, {@code .}, classes ({@code [a-z0-9_]}, {@code [^...]}, {@code \d \w \s} and their negations),
 * groups with alternation ({@code (a|b)}, {@code (?:...)}) and the quantifiers {@code ? * + {n} {n,} {n,m}}.
 * Anchors {@code ^} and {@code $} at the ends are accepted and make nothing. Characters are printable ASCII.
 * Anything else (back references, look-around, word boundaries, Unicode classes) is refused when the
 * expression is compiled, so a schema fails at validation rather than generating wrong strings.
 */
final class DatagenRegex {
    /** How far past its minimum an open quantifier ({@code * + {n,}}) repeats at most. */
    static final int OPEN_REPEAT_EXTRA = 8;
    private static final int FIRST_PRINTABLE = 0x20;
    private static final int LAST_PRINTABLE = 0x7E;

    private final String pattern;
    private int at;

    private DatagenRegex(String pattern) {
        this.pattern = pattern;
    }

    /** The generator of strings matching {@code pattern}; {@link IllegalArgumentException} says what is not supported. */
    static DatagenGenerator compile(String pattern) {
        DatagenRegex parser = new DatagenRegex(pattern);
        if (parser.peek('^')) {
            parser.at++;
        }
        Node root = parser.alternation();
        if (parser.at < pattern.length()) {
            throw parser.unsupported("unmatched " + pattern.charAt(parser.at));
        }
        return draw -> {
            StringBuilder out = new StringBuilder();
            root.emit(draw, out);
            return out.toString();
        };
    }

    private interface Node {
        void emit(DatagenDraw draw, StringBuilder out);
    }

    private Node alternation() {
        List<Node> branches = new ArrayList<>();
        branches.add(sequence());
        while (peek('|')) {
            at++;
            branches.add(sequence());
        }
        if (branches.size() == 1) {
            return branches.get(0);
        }
        return (draw, out) -> branches.get(draw.random().nextInt(branches.size())).emit(draw, out);
    }

    private Node sequence() {
        List<Node> parts = new ArrayList<>();
        while (at < pattern.length() && !peek('|') && !peek(')')) {
            if (peek('$') && at == pattern.length() - 1) {
                at++;
                break;
            }
            parts.add(quantified(atom()));
        }
        return (draw, out) -> parts.forEach(part -> part.emit(draw, out));
    }

    private Node quantified(Node atom) {
        if (at >= pattern.length()) {
            return atom;
        }
        int min;
        int max;
        char c = pattern.charAt(at);
        if (c == '?') {
            min = 0;
            max = 1;
            at++;
        } else if (c == '*') {
            min = 0;
            max = OPEN_REPEAT_EXTRA;
            at++;
        } else if (c == '+') {
            min = 1;
            max = 1 + OPEN_REPEAT_EXTRA;
            at++;
        } else if (c == '{') {
            int close = pattern.indexOf('}', at);
            if (close < 0) {
                throw unsupported("{ without }");
            }
            String[] bounds = pattern.substring(at + 1, close).split(",", -1);
            try {
                min = Integer.parseInt(bounds[0].trim());
                max = bounds.length == 1 ? min
                        : bounds[1].isBlank() ? min + OPEN_REPEAT_EXTRA : Integer.parseInt(bounds[1].trim());
            } catch (NumberFormatException e) {
                throw unsupported("a repetition {" + pattern.substring(at + 1, close) + "}");
            }
            if (bounds.length > 2 || max < min) {
                throw unsupported("a repetition {" + pattern.substring(at + 1, close) + "}");
            }
            at = close + 1;
        } else {
            return atom;
        }
        if (peek('?') || peek('+')) {
            at++; // lazy or possessive: the same strings match
        }
        int low = min;
        int span = max - min + 1;
        return (draw, out) -> {
            int times = low + draw.random().nextInt(span);
            for (int i = 0; i < times; i++) {
                atom.emit(draw, out);
            }
        };
    }

    private Node atom() {
        char c = pattern.charAt(at++);
        switch (c) {
            case '(' -> {
                if (peek('?')) {
                    if (at + 1 < pattern.length() && pattern.charAt(at + 1) == ':') {
                        at += 2;
                    } else {
                        throw unsupported("look-around or a named group (?");
                    }
                }
                Node inner = alternation();
                if (!peek(')')) {
                    throw unsupported("( without )");
                }
                at++;
                return inner;
            }
            case '[' -> {
                return chars(characterClass());
            }
            case '.' -> {
                return chars(printable());
            }
            case '\\' -> {
                return chars(escape());
            }
            case '*', '+', '?', '{', ')', '|', '^', '$' -> throw unsupported(c + " here");
            default -> {
                return (draw, out) -> out.append(c);
            }
        }
    }

    private BitSet characterClass() {
        boolean negated = peek('^');
        if (negated) {
            at++;
        }
        BitSet set = new BitSet();
        boolean first = true;
        while (at < pattern.length() && (first || !peek(']'))) {
            first = false;
            BitSet single;
            char low = pattern.charAt(at++);
            if (low == '\\') {
                single = escape();
                set.or(single);
                continue;
            }
            if (low == '[') {
                throw unsupported("nested classes [");
            }
            if (peek('-') && at + 1 < pattern.length() && pattern.charAt(at + 1) != ']') {
                char high = pattern.charAt(at + 1);
                if (high == '\\' || high < low) {
                    throw unsupported("the range " + low + "-" + high);
                }
                at += 2;
                set.set(low, high + 1);
            } else {
                set.set(low);
            }
        }
        if (!peek(']')) {
            throw unsupported("[ without ]");
        }
        at++;
        if (negated) {
            BitSet all = printable();
            all.andNot(set);
            set = all;
        }
        if (set.isEmpty()) {
            throw unsupported("a class that matches no printable character");
        }
        return set;
    }

    private BitSet escape() {
        if (at >= pattern.length()) {
            throw unsupported("\\ at the end");
        }
        char c = pattern.charAt(at++);
        BitSet set = new BitSet();
        switch (c) {
            case 'd' -> set.set('0', '9' + 1);
            case 'w' -> {
                set.set('a', 'z' + 1);
                set.set('A', 'Z' + 1);
                set.set('0', '9' + 1);
                set.set('_');
            }
            case 's' -> set.set(' ');
            case 'D', 'W', 'S' -> {
                set = printable();
                set.andNot(escapeOf(Character.toLowerCase(c)));
            }
            case 't' -> set.set('\t');
            case 'n' -> set.set('\n');
            case 'r' -> set.set('\r');
            default -> {
                if (Character.isLetterOrDigit(c)) {
                    throw unsupported("\\" + c);
                }
                set.set(c);
            }
        }
        return set;
    }

    private BitSet escapeOf(char lower) {
        DatagenRegex inner = new DatagenRegex("\\" + lower);
        inner.at = 1;
        return inner.escape();
    }

    private static BitSet printable() {
        BitSet set = new BitSet();
        set.set(FIRST_PRINTABLE, LAST_PRINTABLE + 1);
        return set;
    }

    private static Node chars(BitSet set) {
        char[] choices = new char[set.cardinality()];
        int i = 0;
        for (int c = set.nextSetBit(0); c >= 0; c = set.nextSetBit(c + 1)) {
            choices[i++] = (char) c;
        }
        return (draw, out) -> out.append(choices[draw.random().nextInt(choices.length)]);
    }

    private boolean peek(char c) {
        return at < pattern.length() && pattern.charAt(at) == c;
    }

    private IllegalArgumentException unsupported(String what) {
        return new IllegalArgumentException("regex " + pattern + " uses " + what + " (at " + at
                + "), which datagen does not generate from");
    }
}
