package io.ferry.connectors.datagen.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every string made from a supported expression matches it in java.util.regex; the rest is refused up front. */
class DatagenRegexTest {

    @ParameterizedTest
    @ValueSource(strings = {"User_[1-9]", "Page_[1-9][0-9]?", "Item_[1-9][0-9]{0,2}", "[A-Z]{3}-\\d{4}", "a|bc|def",
        "(x(y|z)?)+", "[^0-9]{3}", "\\D\\W\\S", "[-a][a-]", "\\.\\*\\(", "[\\d_]{2,}", "(?:ab)*c", ".{5}", "^\\w+@\\w+\\.com$",
        "[]a]", "x{3}?y++"})
    void shouldOnlyMakeStringsThatMatch(String regex) {
        DatagenGenerator generator = DatagenRegex.compile(regex);
        Pattern pattern = Pattern.compile(regex);
        Set<Object> distinct = new HashSet<>();
        for (long sequence = 0; sequence < 300; sequence++) {
            Object value = generator.next(DatagenDraw.of(5, 0, sequence));
            assertThat((String) value).matches(pattern);
            distinct.add(value);
        }
        if (!Set.of("x{3}?y++", "\\.\\*\\(").contains(regex)) { // the two without a choice in them
            assertThat(distinct).as("more than one string").hasSizeGreaterThan(1);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "a\\b;\\b", "\\p{L};\\p", "[[a]];nested classes", "a{2,1};a repetition {2,1}", "(?<n>a);look-around or a named group",
        "*a;* here", "(ab;( without )", "[ab;[ without ]", "a)b;unmatched )", "[z-a];the range z-a"})
    void shouldRefuseWhatItDoesNotGenerate(String regex, String named) {
        assertThatThrownBy(() -> DatagenRegex.compile(regex)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("regex " + regex + " uses " + named);
    }
}
