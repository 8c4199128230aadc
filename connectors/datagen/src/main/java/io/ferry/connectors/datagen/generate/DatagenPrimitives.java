package io.ferry.connectors.datagen.generate;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.ToIntFunction;

/**
 * Generators of the primitive Avro types under their hints. Integral types generate {@code long}s that the
 * caller narrows; floating types generate {@code double}s. At most one of {@code options}, {@code range},
 * {@code iteration} applies to a number, so a schema cannot ask for two things at once.
 */
final class DatagenPrimitives {
    /** Length of a string or bytes value without a {@code length} hint. */
    static final DatagenHints.Length DEFAULT_LENGTH = DatagenHints.Length.exactly(8);
    private static final char[] LETTERS = "abcdefghijklmnopqrstuvwxyz".toCharArray();

    private DatagenPrimitives() {
    }

    /** Whole numbers in {@code [low, high]}; {@code unhinted} draws when the schema gives no hint. */
    static DatagenGenerator integral(DatagenHints hints, String path, String type, long low, long high,
            DatagenGenerator unhinted) {
        hints.allowOnly(path, type, "options", "range", "iteration");
        onlyOne(hints, path);
        if (hints.options() != null) {
            List<Long> options = convert(hints.options(), path, value -> whole(value, path, "option", low, high));
            return pick(options);
        }
        if (hints.iteration() != null) {
            long start = whole(hints.iteration().start(), path, "iteration.start", low, high);
            long step = whole(hints.iteration().step(), path, "iteration.step", Long.MIN_VALUE, Long.MAX_VALUE);
            Number restartHint = hints.iteration().restart();
            if (restartHint == null) {
                return draw -> start + step * draw.sequence();
            }
            long restart = whole(restartHint, path, "iteration.restart", Long.MIN_VALUE, Long.MAX_VALUE);
            long period = ceilDiv(restart - start, step);
            return draw -> start + step * Math.floorMod(draw.sequence(), period);
        }
        if (hints.range() != null) {
            long min = hints.range().min() == null ? low : whole(hints.range().min(), path, "range.min", low, high);
            long max = hints.range().max() == null ? high
                    : whole(hints.range().max(), path, "range.max", low, high == Long.MAX_VALUE ? high : high + 1) - 1;
            if (max < Long.MAX_VALUE) {
                return draw -> draw.random().nextLong(min, max + 1);
            }
            if (min == Long.MIN_VALUE) {
                return draw -> draw.random().nextLong();
            }
            return draw -> draw.random().nextLong(min - 1, max) + 1;
        }
        return unhinted;
    }

    /** Floating-point numbers; without a hint, from 0 inclusive to 1 exclusive. */
    static DatagenGenerator floating(DatagenHints hints, String path, String type) {
        hints.allowOnly(path, type, "options", "range", "iteration");
        onlyOne(hints, path);
        if (hints.options() != null) {
            List<Double> options = convert(hints.options(), path, value -> number(value, path, "option").doubleValue());
            return pick(options);
        }
        if (hints.iteration() != null) {
            double start = hints.iteration().start().doubleValue();
            double step = hints.iteration().step().doubleValue();
            if (hints.iteration().restart() == null) {
                return draw -> start + step * draw.sequence();
            }
            long period = (long) Math.ceil((hints.iteration().restart().doubleValue() - start) / step);
            return draw -> start + step * Math.floorMod(draw.sequence(), period);
        }
        if (hints.range() != null) {
            double min = hints.range().min() == null ? 0.0 : hints.range().min().doubleValue();
            double max = hints.range().max() == null ? min + 1.0 : hints.range().max().doubleValue();
            if (max <= min) {
                throw DatagenSchemaException.at(path, "range.max " + max + " must be above range.min " + min);
            }
            return draw -> draw.random().nextDouble(min, max);
        }
        return draw -> draw.random().nextDouble();
    }

    static DatagenGenerator bool(DatagenHints hints, String path) {
        hints.allowOnly(path, "boolean", "options");
        if (hints.options() != null) {
            return pick(convert(hints.options(), path, value -> {
                if (value instanceof Boolean b) {
                    return b;
                }
                throw DatagenSchemaException.at(path, "option " + value + " is not a boolean");
            }));
        }
        return draw -> draw.random().nextBoolean();
    }

    /** Strings from options, a regular expression, or lowercase letters of the hinted length. */
    static DatagenGenerator string(DatagenHints hints, String path) {
        hints.allowOnly(path, "string", "options", "regex", "length");
        if (count(hints.options(), hints.regex(), hints.length()) > 1) {
            throw DatagenSchemaException.at(path, "use one of options, regex, length");
        }
        if (hints.options() != null) {
            return pick(convert(hints.options(), path, value -> scalar(value, path)));
        }
        if (hints.regex() != null) {
            try {
                return DatagenRegex.compile(hints.regex());
            } catch (IllegalArgumentException e) {
                throw DatagenSchemaException.at(path, e.getMessage());
            }
        }
        DatagenHints.Length length = hints.length() == null ? DEFAULT_LENGTH : hints.length();
        return draw -> {
            char[] chars = new char[length.draw(draw)];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = LETTERS[draw.random().nextInt(LETTERS.length)];
            }
            return new String(chars);
        };
    }

    /** Bytes from options (strings, as UTF-8) or random bytes of the hinted length. */
    static DatagenGenerator bytes(DatagenHints hints, String path) {
        hints.allowOnly(path, "bytes", "options", "length");
        if (count(hints.options(), hints.length()) > 1) {
            throw DatagenSchemaException.at(path, "use one of options, length");
        }
        if (hints.options() != null) {
            List<byte[]> options = convert(hints.options(), path, value -> scalar(value, path).getBytes(StandardCharsets.UTF_8));
            return draw -> options.get(draw.random().nextInt(options.size())).clone();
        }
        DatagenHints.Length length = hints.length() == null ? DEFAULT_LENGTH : hints.length();
        return randomBytes(draw -> length.draw(draw));
    }

    /** Random bytes whose count the draw decides. */
    static DatagenGenerator randomBytes(ToIntFunction<DatagenDraw> size) {
        return draw -> {
            byte[] bytes = new byte[size.applyAsInt(draw)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) draw.random().nextInt(256);
            }
            return bytes;
        };
    }

    /** Maps each generated long through {@code narrow}: to an Integer, a Date... */
    static DatagenGenerator narrowed(DatagenGenerator longs, LongFunction<Object> narrow) {
        return draw -> narrow.apply((Long) longs.next(draw));
    }

    static <T> DatagenGenerator pick(List<T> options) {
        return draw -> options.get(draw.random().nextInt(options.size()));
    }

    static <T> List<T> convert(List<Object> values, String path, Function<Object, T> converter) {
        return values.stream().map(converter).toList();
    }

    static String scalar(Object value, String path) {
        if (value instanceof List<?> || value instanceof Map<?, ?> || value == null) {
            throw DatagenSchemaException.at(path, "option " + value + " is not a string");
        }
        return String.valueOf(value);
    }

    private static void onlyOne(DatagenHints hints, String path) {
        if (count(hints.options(), hints.range(), hints.iteration()) > 1) {
            throw DatagenSchemaException.at(path, "use one of options, range, iteration");
        }
    }

    private static int count(Object... hints) {
        int given = 0;
        for (Object hint : hints) {
            given += hint == null ? 0 : 1;
        }
        return given;
    }

    private static Number number(Object value, String path, String what) {
        if (value instanceof Number n) {
            return n;
        }
        throw DatagenSchemaException.at(path, what + " " + value + " is not a number");
    }

    private static long whole(Object value, String path, String what, long low, long high) {
        Number n = number(value, path, what);
        double asDouble = n.doubleValue();
        if (n instanceof Double || n instanceof Float || n instanceof BigDecimal) {
            if (asDouble != Math.rint(asDouble)) {
                throw DatagenSchemaException.at(path, what + " " + value + " is not a whole number");
            }
        }
        long whole = n.longValue();
        if (whole < low || whole > high) {
            throw DatagenSchemaException.at(path, what + " " + value + " is outside " + low + ".." + high);
        }
        return whole;
    }

    private static long ceilDiv(long distance, long step) {
        return -Math.floorDiv(-distance, step);
    }
}
