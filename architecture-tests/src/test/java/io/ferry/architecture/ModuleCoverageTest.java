package io.ferry.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The architecture rules see every module: each module with main code is on this module's test classpath. */
class ModuleCoverageTest {
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

    @Test
    void everyModuleWithMainCodeIsChecked() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        String parentPom = Files.readString(root.resolve("pom.xml"));
        String classpath = System.getProperty("java.class.path").replace('\\', '/');
        Matcher modules = MODULE.matcher(parentPom);
        List<String> checked = new java.util.ArrayList<>();
        while (modules.find()) {
            String module = modules.group(1).trim();
            if (Files.isDirectory(root.resolve(module).resolve("src/main/java"))) {
                String artifact = "ferry-" + module.replace('/', '-');
                assertThat(classpath.contains("/" + module + "/target/") || classpath.contains("/" + artifact + "-"))
                        .as("module %s has main code but is not a dependency of architecture-tests", module)
                        .isTrue();
                checked.add(module);
            }
        }
        assertThat(checked).contains("kafka-support", "kafka-embedded", "testkit", "cli");
    }
}
