package io.ferry.serde.registry;

import java.util.Map;

import io.ferry.serde.client.RegistryClientConfig;
import io.ferry.serde.subject.SubjectNameStrategy;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;

/**
 * What every format's serde config reads the same way: the registry client's settings, the subject strategies and
 * the {@link RegistrySerdeSettings} all three formats define ({@code auto.register.schemas}, {@code use.schema.id},
 * {@code use.latest.version}, {@code normalize.schemas}). Each format's config extends it with its own keys.
 */
public abstract class RegistrySerdeConfig extends AbstractConfig {

    protected RegistrySerdeConfig(ConfigDef definition, Map<?, ?> configs) {
        super(definition, configs, false);
    }

    public RegistryClientConfig clientConfig() {
        return RegistryClientConfig.from(this);
    }

    public boolean autoRegisterSchemas() {
        return getBoolean(RegistrySerdeSettings.AUTO_REGISTER_SCHEMAS);
    }

    public boolean useLatestVersion() {
        return getBoolean(RegistrySerdeSettings.USE_LATEST_VERSION);
    }

    public int useSchemaId() {
        return getInt(RegistrySerdeSettings.USE_SCHEMA_ID);
    }

    public boolean normalizeSchemas() {
        return getBoolean(RegistrySerdeSettings.NORMALIZE_SCHEMAS);
    }

    /** The configured strategy for keys or values. */
    public SubjectNameStrategy subjectNameStrategy(boolean isKey) {
        return RegistrySerdeSettings.subjectNameStrategy(this, isKey);
    }
}
