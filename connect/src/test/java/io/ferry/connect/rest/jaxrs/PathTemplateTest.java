package io.ferry.connect.rest.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** JAX-RS URI templates: which paths they match, the values they bind, and which template wins. */
class PathTemplateTest {
    private static final Map<String, String> NO_MATCH = null;

    static Stream<Arguments> matches() {
        return Stream.of(
                Arguments.of("health", "", "/health", Map.of()),
                Arguments.of("/health/", "", "/health/", Map.of()),
                Arguments.of("health", "", "/healthz", NO_MATCH),
                Arguments.of("health", "", "/health/live", NO_MATCH),
                Arguments.of("items", "{id}", "/items/42", Map.of("id", "42")),
                Arguments.of("items", "{id}", "/items/4/2", NO_MATCH),
                Arguments.of("items", "{id}", "/items/", NO_MATCH),
                Arguments.of("items", "{id}", "/items/a%20b", Map.of("id", "a b")),
                Arguments.of("items", "{id}", "/items/a+b", Map.of("id", "a+b")),
                Arguments.of("items", "{id}", "/items/caf%C3%A9", Map.of("id", "café")),
                Arguments.of("/items/", "/{id}/", "/items/42", Map.of("id", "42")),
                Arguments.of("items", "{id: \\d+}", "/items/42", Map.of("id", "42")),
                Arguments.of("items", "{id: \\d+}", "/items/forty-two", NO_MATCH),
                Arguments.of("items", "{id:\\d{2}}", "/items/42", Map.of("id", "42")),
                Arguments.of("items", "{id:\\d{2}}", "/items/421", NO_MATCH),
                Arguments.of("files", "{path: .+}", "/files/a/b/c.txt", Map.of("path", "a/b/c.txt")),
                Arguments.of("files", "{path: (a|b)/(c|d)}/meta", "/files/b/d/meta", Map.of("path", "b/d")),
                Arguments.of("{tenant}/items", "{id}", "/acme/items/7", Map.of("tenant", "acme", "id", "7")),
                Arguments.of("reports", "{year}-{month}.json", "/reports/2026-03.json", Map.of("year", "2026", "month", "03")),
                Arguments.of("pair", "{a}-{b}", "/pair/x-y-z", Map.of("a", "x", "b", "y-z")),
                Arguments.of("health", "", "/health;v=1", Map.of()),
                Arguments.of("items", "{id}", "/items/42;v=2", Map.of("id", "42")),
                Arguments.of("files", "{path: .+}", "/files/a;v=1/b;v=2", Map.of("path", "a/b")),
                Arguments.of("items", "{id}", "/items/a%3Bb", Map.of("id", "a;b")),
                Arguments.of("two words/caf\u00e9", "", "/two%20words/caf%C3%A9", Map.of()),
                Arguments.of("100%", "{id}", "/100%25/7", Map.of("id", "7")),
                Arguments.of("a.b", "", "/aXb", NO_MATCH),
                Arguments.of("", "", "/", Map.of()));
    }

    @ParameterizedTest(name = "{0} + {1} on {2} -> {3}")
    @MethodSource("matches")
    void shouldMatchWholePathsAndDecodeTheirValues(String classPath, String methodPath, String requestPath, Map<String, String> expected) {
        assertThat(PathTemplate.parse(classPath, methodPath).match(requestPath)).isEqualTo(expected);
    }

    static Stream<Arguments> prefixes() {
        return Stream.of(
                Arguments.of("health", "/health"),
                Arguments.of("inventory/items/{id}/name", "/inventory/items"),
                Arguments.of("reports/r-{year}", "/reports"),
                Arguments.of("{tenant}/items", "/"),
                Arguments.of("two words/{id}", "/two%20words"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("prefixes")
    void shouldGiveTheLiteralPathEveryMatchStartsWith(String template, String prefix) {
        assertThat(PathTemplate.parse(template).literalPrefix()).isEqualTo(prefix);
    }

    @Test
    void shouldPreferMoreLiteralCharactersThenMoreVariablesThenMoreRegularExpressions() {
        List<PathTemplate> templates = new ArrayList<>(List.of(
                PathTemplate.parse("items/{id}"),
                PathTemplate.parse("items/{id: \\d+}"),
                PathTemplate.parse("items/{kind}/{id}"),
                PathTemplate.parse("items/new")));

        templates.sort(PathTemplate.MOST_SPECIFIC_FIRST);

        assertThat(templates).extracting(PathTemplate::template)
                .containsExactly("/items/new", "/items/{kind}/{id}", "/items/{id: \\d+}", "/items/{id}");
    }

    @Test
    void shouldTellTemplatesThatMatchTheSamePathsWhateverTheirVariablesAreNamed() {
        assertThat(PathTemplate.parse("items/{id}").sameRegex(PathTemplate.parse("items", "{name}"))).isTrue();
        assertThat(PathTemplate.parse("items/{id: \\d+}").sameRegex(PathTemplate.parse("items/{n: \\d+}"))).isTrue();
        assertThat(PathTemplate.parse("items/{id}").sameRegex(PathTemplate.parse("items/{id: \\d+}"))).isFalse();
        assertThat(PathTemplate.parse("items/{id}").sameRegex(PathTemplate.parse("items/new"))).isFalse();
    }

    @Test
    void shouldRefuseBadTemplatesNamingThem() {
        assertThatThrownBy(() -> PathTemplate.parse("items/{id"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/items/{id").hasMessageContaining("not closed");
        assertThatThrownBy(() -> PathTemplate.parse("items/{: \\d+}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without a name");
        assertThatThrownBy(() -> PathTemplate.parse("items/{id: [0-9}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid regular expression");
    }
}
