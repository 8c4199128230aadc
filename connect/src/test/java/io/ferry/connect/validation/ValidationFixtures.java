package io.ferry.connect.validation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.ferry.connect.config.WorkerConfig;
import io.ferry.connect.herder.ConfigInfo;
import io.ferry.connect.herder.ConfigInfos;
import io.ferry.connect.plugins.Plugins;

/** Worker settings, connector configs and look-ups into validation answers, shared by the validation tests. */
final class ValidationFixtures {
    static final String FILE_SINK = "org.apache.kafka.connect.file.FileStreamSinkConnector";
    static final String FILE_SOURCE = "org.apache.kafka.connect.file.FileStreamSourceConnector";
    static final String JSON_CONVERTER = "org.apache.kafka.connect.json.JsonConverter";
    static final Plugins PLUGINS = Plugins.onClasspath();

    private ValidationFixtures() {
    }

    static WorkerConfig worker(String... settings) {
        Map<String, String> props = new HashMap<>();
        props.put(WorkerConfig.KEY_CONVERTER, JSON_CONVERTER);
        props.put(WorkerConfig.VALUE_CONVERTER, JSON_CONVERTER);
        for (int i = 0; i < settings.length; i += 2) {
            props.put(settings[i], settings[i + 1]);
        }
        return new WorkerConfig(props);
    }

    static Map<String, String> config(String... settings) {
        Map<String, String> props = new HashMap<>();
        for (int i = 0; i < settings.length; i += 2) {
            props.put(settings[i], settings[i + 1]);
        }
        return props;
    }

    static Map<String, String> sink(String... extra) {
        Map<String, String> props = config("name", "file-sink", "connector.class", FILE_SINK, "tasks.max", "1",
                "topics", "orders", "file", "/tmp/orders.txt");
        props.putAll(config(extra));
        return props;
    }

    static Map<String, String> source(String... extra) {
        Map<String, String> props = config("name", "file-source", "connector.class", FILE_SOURCE, "tasks.max", "1",
                "topic", "lines", "file", "/tmp/lines.txt");
        props.putAll(config(extra));
        return props;
    }

    static Optional<ConfigInfo> entry(ConfigInfos infos, String name) {
        return infos.configs().stream()
                .filter(info -> info.value() != null ? info.value().name().equals(name)
                        : info.definition() != null && info.definition().name().equals(name))
                .findFirst();
    }

    static List<String> errorsOf(ConfigInfos infos, String name) {
        return entry(infos, name).map(info -> info.value() == null ? List.<String>of() : info.value().errors())
                .orElseThrow(() -> new AssertionError(name + " is not in the answer"));
    }

    /** Every error of the answer, as "key: message", to show in a failed assertion. */
    static List<String> allErrors(ConfigInfos infos) {
        return infos.configs().stream()
                .filter(info -> info.value() != null && !info.value().errors().isEmpty())
                .flatMap(info -> info.value().errors().stream().map(error -> info.value().name() + ": " + error))
                .toList();
    }
}
