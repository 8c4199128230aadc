package io.ferry.connect.worker.pipeline;

import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.HeaderConverter;

/**
 * A task's converters, each call made while holding a lock, for the rare caller on another thread
 * (the errant-record reporter converting a record the task made itself) while the task's
 * conversion thread holds the same lock for each batch. A converter is not required to be
 * thread-safe; this keeps it used by one thread at a time.
 */
final class LockedConverters {
    private LockedConverters() {
    }

    static Converter of(Converter converter, Object lock) {
        return new Converter() {
            @Override
            public void configure(Map<String, ?> configs, boolean isKey) {
                synchronized (lock) {
                    converter.configure(configs, isKey);
                }
            }

            @Override
            public byte[] fromConnectData(String topic, Schema schema, Object value) {
                synchronized (lock) {
                    return converter.fromConnectData(topic, schema, value);
                }
            }

            @Override
            public byte[] fromConnectData(String topic, Headers headers, Schema schema, Object value) {
                synchronized (lock) {
                    return converter.fromConnectData(topic, headers, schema, value);
                }
            }

            @Override
            public SchemaAndValue toConnectData(String topic, byte[] value) {
                synchronized (lock) {
                    return converter.toConnectData(topic, value);
                }
            }

            @Override
            public SchemaAndValue toConnectData(String topic, Headers headers, byte[] value) {
                synchronized (lock) {
                    return converter.toConnectData(topic, headers, value);
                }
            }

            @Override
            public ConfigDef config() {
                return converter.config();
            }
        };
    }

    static HeaderConverter of(HeaderConverter converter, Object lock) {
        return new HeaderConverter() {
            @Override
            public void configure(Map<String, ?> configs) {
                synchronized (lock) {
                    converter.configure(configs);
                }
            }

            @Override
            public SchemaAndValue toConnectHeader(String topic, String headerKey, byte[] value) {
                synchronized (lock) {
                    return converter.toConnectHeader(topic, headerKey, value);
                }
            }

            @Override
            public byte[] fromConnectHeader(String topic, String headerKey, Schema schema, Object value) {
                synchronized (lock) {
                    return converter.fromConnectHeader(topic, headerKey, schema, value);
                }
            }

            @Override
            public ConfigDef config() {
                return converter.config();
            }

            @Override
            public void close() {
                // The task closes the converter itself.
            }
        };
    }
}
