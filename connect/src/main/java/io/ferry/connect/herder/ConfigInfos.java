package io.ferry.connect.herder;

import java.util.List;

/** The outcome of validating a connector config, shaped as Apache's validate endpoint answers it. */
public record ConfigInfos(String name, int errorCount, List<String> groups, List<ConfigInfo> configs) {
}
