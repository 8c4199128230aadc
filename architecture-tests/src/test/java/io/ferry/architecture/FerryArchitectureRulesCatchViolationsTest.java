package io.ferry.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each rule, applied to classes written to break it, reports the offending class. */
class FerryArchitectureRulesCatchViolationsTest {
    private static final FerryArchitecture FIXTURE_RULES = new FerryArchitecture("archfixtures.ferry");
    private static final JavaClasses FIXTURES = new ClassFileImporter().importPackages("archfixtures.ferry");

    static Stream<Arguments> violations() {
        return Stream.of(
                Arguments.of("layering", rule(FerryArchitecture::modulesDependDownwardOnly), "SupportThatKnowsCli"),
                Arguments.of("connectors", rule(FerryArchitecture::connectorsUseConnectApiOnly), "ConnectorThatKnowsTheRuntime"),
                Arguments.of("http", rule(FerryArchitecture::onlyRestPackagesServeHttp), "DomainThatServesHttp"),
                Arguments.of("rest leaves", rule(FerryArchitecture::restPackagesAreLeaves), "StoreThatKnowsRest"),
                Arguments.of("kafka server", rule(FerryArchitecture::onlyTheEmbeddedNodeUsesKafkaServerClasses), "SerdeThatEmbedsKafka"),
                Arguments.of("cycles", rule(FerryArchitecture::noPackageCycles), "cycle"),
                Arguments.of("console", rule(FerryArchitecture::onlyTheCommandLineWritesToTheConsole), "SerdeThatEmbedsKafka"));
    }

    private static ArchRule rule(Function<FerryArchitecture, ArchRule> pick) {
        return pick.apply(FIXTURE_RULES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("violations")
    void shouldReportTheOffendingClass(String name, ArchRule rule, String offender) {
        EvaluationResult result = rule.evaluate(FIXTURES);
        assertThat(result.hasViolation()).as("rule %s finds the violation", name).isTrue();
        assertThat(result.getFailureReport().getDetails()).anySatisfy(detail -> assertThat(detail).contains(offender));
    }
}
