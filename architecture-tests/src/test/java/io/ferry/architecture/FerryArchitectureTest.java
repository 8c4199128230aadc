package io.ferry.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Ferry's main code (tests excluded) follows every layering rule. */
class FerryArchitectureTest {
    private static final JavaClasses FERRY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.ferry");

    @Test
    void shouldSeeTheMainClassesOfEveryModule() {
        assertThat(FERRY.contain("io.ferry.cli.Ferry")).isTrue();
        assertThat(FERRY.contain("io.ferry.kafka.support.tailer.CompactedTopicTailer")).isTrue();
        assertThat(FERRY.contain("io.ferry.kafka.embedded.EmbeddedKafkaNode")).isTrue();
        assertThat(FERRY.contain("io.ferry.testkit.FerryCluster")).isTrue();
        assertThat(FERRY.contain("io.ferry.connectors.jdbc.dialect.JdbcDialect")).isTrue();
        assertThat(FERRY.contain("io.ferry.connectors.datagen.DatagenSourceConnector")).isTrue();
        assertThat(FERRY.stream().map(c -> c.getName())).noneMatch(name -> name.startsWith("io.ferry.architecture"));
    }

    @TestFactory
    Stream<DynamicTest> ferryFollowsItsLayering() {
        return new FerryArchitecture("io.ferry").all().stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(FERRY)));
    }
}
