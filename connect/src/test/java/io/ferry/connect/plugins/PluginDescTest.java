package io.ferry.connect.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** How found plugins are ordered (the last copy of a class is the one used), named and printed. */
class PluginDescTest {

    private static final String CLASS = "org.apache.kafka.connect.file.FileStreamSourceConnector";

    @Test
    void shouldPreferTheHighestVersionThenPluginPathOverClasspathThenTheLastLocation() {
        PluginDesc classpathOld = new PluginDesc(CLASS, PluginType.SOURCE, "4.9.0", PluginDesc.CLASSPATH);
        PluginDesc classpathNew = new PluginDesc(CLASS, PluginType.SOURCE, "4.10.0", PluginDesc.CLASSPATH);
        PluginDesc isolatedA = new PluginDesc(CLASS, PluginType.SOURCE, "4.10.0", "/plugins/a");
        PluginDesc isolatedB = new PluginDesc(CLASS, PluginType.SOURCE, "4.10.0", "/plugins/b");
        PluginDesc isolatedOld = new PluginDesc(CLASS, PluginType.SOURCE, "4.9.9", "/plugins/z");

        TreeSet<PluginDesc> sorted = new TreeSet<>(List.of(isolatedB, classpathNew, isolatedOld, isolatedA, classpathOld));

        assertThat(sorted).containsExactly(classpathOld, isolatedOld, classpathNew, isolatedA, isolatedB);
    }

    @Test
    void shouldSortByClassNameFirst() {
        PluginDesc a = new PluginDesc("a.Z", PluginType.SINK, "9", "/plugins/z");
        PluginDesc b = new PluginDesc("b.A", PluginType.SINK, "1", PluginDesc.CLASSPATH);

        assertThat(a).isLessThan(b);
    }

    @Test
    void shouldKeepOneDescPerKindOfAClass() {
        PluginDesc converter = new PluginDesc("x.StringConverter", PluginType.CONVERTER, "1", PluginDesc.CLASSPATH);
        PluginDesc header = new PluginDesc("x.StringConverter", PluginType.HEADER_CONVERTER, "1", PluginDesc.CLASSPATH);

        assertThat(new TreeSet<>(List.of(converter, header))).hasSize(2);
    }

    @Test
    void shouldNameANestedClassAsJavaDoes() {
        assertThat(new PluginDesc("org.apache.kafka.connect.transforms.Cast$Key", PluginType.TRANSFORMATION, null,
                PluginDesc.CLASSPATH).simpleName()).isEqualTo("Key");
        assertThat(new PluginDesc("TopLevel", PluginType.SINK, null, PluginDesc.CLASSPATH).simpleName())
                .isEqualTo("TopLevel");
    }

    @Test
    void shouldReportAMissingVersionAsUndefined() {
        assertThat(new PluginDesc(CLASS, PluginType.SOURCE, null, PluginDesc.CLASSPATH).version()).isEqualTo("undefined");
    }

    @Test
    void shouldPrintAsApacheKafkaConnectDoesInItsMessages() {
        assertThat(new PluginDesc(CLASS, PluginType.SOURCE, "4.3.1", "/plugins/connect-file").toString())
                .isEqualTo("PluginDesc{klass=class " + CLASS + ", name='" + CLASS + "', version='4.3.1', "
                        + "encodedVersion=4.3.1, type=source, typeName='source', location='/plugins/connect-file'}");
    }

    @Test
    void shouldKnowWhetherItWasFoundOnThePluginPath() {
        assertThat(new PluginDesc(CLASS, PluginType.SOURCE, "1", PluginDesc.CLASSPATH).isolated()).isFalse();
        assertThat(new PluginDesc(CLASS, PluginType.SOURCE, "1", "/plugins/a").isolated()).isTrue();
    }
}
