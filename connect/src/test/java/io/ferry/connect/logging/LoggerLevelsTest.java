package io.ferry.connect.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoggerLevelsTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private final LoggerContext context = new LoggerContext();
    private final LoggerLevels levels = new LoggerLevels(context, Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void someLoggers() {
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
        context.getLogger("io.ferry.connect.worker.Worker");
        context.getLogger("io.ferry.connect.herder").setLevel(Level.WARN);
        context.getLogger("org.apache.kafka.clients.NetworkClient");
    }

    @Test
    void shouldListTheRootAndEveryLoggerWithALevelOfItsOwn() {
        assertThat(levels.all()).containsOnlyKeys("root", "io.ferry.connect.herder");
        assertThat(levels.all().get("root")).isEqualTo(new LoggerLevel("INFO", null));
    }

    @Test
    void shouldAnswerTheInheritedLevelOfALoggerWithoutOne() {
        assertThat(levels.level("io.ferry.connect.worker.Worker")).contains(new LoggerLevel("INFO", null));
        assertThat(levels.level("ROOT")).contains(new LoggerLevel("INFO", null));
    }

    @Test
    void shouldNotFindALoggerThatDoesNotExist() {
        assertThat(levels.level("com.example.Nobody")).isEmpty();
        assertThat(context.exists("com.example.Nobody")).as("looking must not create it").isNull();
    }

    @Test
    void shouldSetANamespaceAndEveryLoggerUnderItAndRecordWhen() {
        assertThat(levels.setLevel("io.ferry", "debug")).containsExactly("io.ferry", "io.ferry.connect",
                "io.ferry.connect.herder", "io.ferry.connect.worker", "io.ferry.connect.worker.Worker");

        assertThat(levels.level("io.ferry")).contains(new LoggerLevel("DEBUG", NOW.toEpochMilli()));
        assertThat(levels.level("io.ferry.connect.worker.Worker")).as("inherits the new level, so is not changed itself")
                .contains(new LoggerLevel("DEBUG", null));
        assertThat(levels.level("io.ferry.connect.herder")).as("had a level of its own").contains(new LoggerLevel("DEBUG", NOW.toEpochMilli()));
        assertThat(levels.level("org.apache.kafka.clients.NetworkClient")).contains(new LoggerLevel("INFO", null));
    }

    @Test
    void shouldCreateTheNamespacesLoggerWhenMissing() {
        assertThat(levels.setLevel("com.example.plugin", "TRACE")).containsExactly("com.example.plugin");
        assertThat(levels.all()).containsEntry("com.example.plugin", new LoggerLevel("TRACE", NOW.toEpochMilli()));
    }

    @Test
    void shouldLeaveALoggerAlreadyAtTheLevelUntouched() {
        assertThat(levels.setLevel("io.ferry.connect.herder", "WARN")).containsExactly("io.ferry.connect.herder");
        assertThat(levels.level("io.ferry.connect.herder")).contains(new LoggerLevel("WARN", null));
    }

    @Test
    void shouldSetEveryLoggerForTheRootNamespace() {
        assertThat(levels.setLevel("root", "ERROR")).contains("root", "io.ferry.connect.worker.Worker", "org.apache.kafka.clients.NetworkClient");
        assertThat(levels.level("root")).contains(new LoggerLevel("ERROR", NOW.toEpochMilli()));
    }

    @Test
    void shouldTakeFatalAsError() {
        levels.setLevel("io.ferry", "FATAL");
        assertThat(levels.level("io.ferry")).map(LoggerLevel::level).contains("ERROR");
    }

    @ParameterizedTest
    @ValueSource(strings = {"off", "ERROR", "Warn", "INFO", "DEBUG", "TRACE", "ALL", "FATAL"})
    void shouldAcceptEveryLevel(String level) {
        assertThat(LoggerLevels.isLevel(level)).isTrue();
    }

    @Test
    void shouldRefuseAnUnknownLevel() {
        assertThat(LoggerLevels.isLevel("LOUD")).isFalse();
        assertThatThrownBy(() -> levels.setLevel("io.ferry", "LOUD"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("invalid log level 'LOUD'.");
    }
}
