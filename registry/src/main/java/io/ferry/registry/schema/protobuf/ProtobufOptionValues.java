package io.ferry.registry.schema.protobuf;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.squareup.wire.schema.internal.parser.OptionElement;

/** Rewrites of option values for the normal form, as Confluent Schema Registry makes them. */
final class ProtobufOptionValues {

    private ProtobufOptionValues() {
    }

    /**
     * A custom option set through one of its fields ({@code (meta).owner.team = "a"}) as an aggregate value
     * ({@code (meta) = { owner: { team: "a" } }}); other options unchanged.
     */
    static OptionElement asAggregate(OptionElement option) {
        if (option.getKind() != OptionElement.Kind.OPTION) {
            return option;
        }
        return new OptionElement(option.getName(), OptionElement.Kind.MAP, aggregate(option), option.isParenthesized());
    }

    private static Map<String, Object> aggregate(OptionElement option) {
        OptionElement field = (OptionElement) option.getValue();
        Object value = switch (field.getKind()) {
            case BOOLEAN, ENUM, NUMBER -> new OptionElement.OptionPrimitive(field.getKind(), field.getValue());
            case OPTION -> aggregate(field);
            default -> field.getValue();
        };
        return Collections.singletonMap(field.getName(), value);
    }

    /**
     * Two settings of one non-repeated custom option as one: the keys of both aggregate values, a key set in both
     * holding the values of both. When either is not an aggregate value the later one wins.
     */
    @SuppressWarnings("unchecked")
    static OptionElement merge(OptionElement earlier, OptionElement later) {
        OptionElement first = asAggregate(earlier);
        OptionElement second = asAggregate(later);
        if (first.getKind() != OptionElement.Kind.MAP || second.getKind() != OptionElement.Kind.MAP) {
            return second;
        }
        Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) first.getValue());
        ((Map<String, Object>) second.getValue()).forEach((key, value) -> merged.merge(key, value, ProtobufOptionValues::both));
        return new OptionElement(second.getName(), OptionElement.Kind.MAP, merged, second.isParenthesized());
    }

    private static Object both(Object first, Object second) {
        Set<Object> values = new LinkedHashSet<>();
        addAll(values, first);
        addAll(values, second);
        return new ArrayList<>(values);
    }

    private static void addAll(Set<Object> values, Object value) {
        if (value instanceof List<?> list) {
            values.addAll(list);
        } else {
            values.add(value);
        }
    }

    /**
     * A number in one notation: decimal, without exponent, grouping or trailing zeros, at most three fraction
     * digits (as Java's default decimal format writes it). Text that is not a number ({@code inf}, {@code nan})
     * is kept.
     */
    static String normalNumber(String text) {
        DecimalFormat format = new DecimalFormat("0.###", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setGroupingUsed(false);
        try {
            return format.format(Long.decode(text));
        } catch (NumberFormatException notAnInteger) {
            try {
                return format.format(new BigDecimal(text));
            } catch (NumberFormatException notADecimal) {
                return text;
            }
        }
    }
}
