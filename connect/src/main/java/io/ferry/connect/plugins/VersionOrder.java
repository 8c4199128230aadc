package io.ferry.connect.plugins;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Orders version strings as Maven does, which is how Apache Kafka Connect picks the newest copy of a plugin
 * found in several places: numbers compare as numbers ({@code 4.10 > 4.9}), trailing zeros do not count
 * ({@code 1.0 = 1}), a pre-release comes before its release ({@code 1.0-alpha < 1.0-beta < 1.0-rc1 <
 * 1.0-SNAPSHOT < 1.0 < 1.0-sp1}), a number after a word ({@code 1.1 > 1.undefined}), and other words
 * compare alphabetically, ignoring case. Every string is a version, {@code undefined} included.
 */
final class VersionOrder implements Comparator<String> {

    static final VersionOrder INSTANCE = new VersionOrder();

    /** Qualifiers in release order; a word not listed sorts after all of them. */
    private static final List<String> QUALIFIERS = List.of("alpha", "beta", "milestone", "rc", "snapshot", "", "sp");

    private VersionOrder() {
    }

    @Override
    public int compare(String left, String right) {
        List<Object> a = items(left);
        List<Object> b = items(right);
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            int order = compareItems(i < a.size() ? a.get(i) : null, i < b.size() ? b.get(i) : null);
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    /** Numbers and words, split at dots, dashes and every change between digits and letters. */
    private static List<Object> items(String version) {
        List<Object> items = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        boolean digits = false;
        for (char c : version.toLowerCase(Locale.ROOT).toCharArray()) {
            boolean separator = c == '.' || c == '-' || c == '_';
            boolean digit = Character.isDigit(c);
            if (separator || (token.length() > 0 && digit != digits)) {
                add(items, token, digits);
            }
            if (!separator) {
                digits = digit;
                token.append(c);
            }
        }
        add(items, token, digits);
        return items;
    }

    private static void add(List<Object> items, StringBuilder token, boolean digits) {
        if (token.length() > 0) {
            items.add(digits ? new BigInteger(token.toString()) : canonical(token.toString()));
            token.setLength(0);
        }
    }

    private static String canonical(String word) {
        return switch (word) {
            case "a" -> "alpha";
            case "b" -> "beta";
            case "m" -> "milestone";
            case "cr" -> "rc";
            case "ga", "final", "release" -> "";
            default -> word;
        };
    }

    /** A missing item is a zero against a number and a release against a word. */
    private static int compareItems(Object left, Object right) {
        if (left instanceof BigInteger l && right instanceof BigInteger r) {
            return l.compareTo(r);
        }
        if (left instanceof BigInteger l) {
            return right == null ? l.signum() : 1;
        }
        if (right instanceof BigInteger r) {
            return left == null ? -r.signum() : -1;
        }
        return compareWords(left == null ? "" : (String) left, right == null ? "" : (String) right);
    }

    private static int compareWords(String left, String right) {
        int l = rank(left);
        int r = rank(right);
        return l != r ? Integer.compare(l, r) : left.compareTo(right);
    }

    private static int rank(String word) {
        int known = QUALIFIERS.indexOf(word);
        return known >= 0 ? known : QUALIFIERS.size();
    }
}
