package io.ferry.connect.herder;

import java.util.List;

/** The value given for one key, its recommended values and what is wrong with it. */
public record ConfigValueInfo(String name, String value, List<String> recommendedValues, List<String> errors,
        boolean visible) {
}
