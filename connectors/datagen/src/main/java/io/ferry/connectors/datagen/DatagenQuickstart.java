package io.ferry.connectors.datagen;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The built-in schemas {@code quickstart} names, with the fields and key fields of Confluent's quickstarts
 * of the same names, so connector files written for Confluent's datagen work unchanged.
 */
public enum DatagenQuickstart {
    USERS("userid"),
    PAGEVIEWS("viewtime"),
    ORDERS("orderid"),
    STOCK_TRADES("symbol");

    private final String keyField;

    DatagenQuickstart(String keyField) {
        this.keyField = keyField;
    }

    /** The name a config gives: {@code users}, {@code stock_trades}... */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The field that keys the records unless {@code schema.keyfield} names another. */
    public String keyField() {
        return keyField;
    }

    /** The Avro schema, as JSON. */
    public String schema() {
        String resource = "quickstart/" + configName() + ".avsc";
        try (InputStream in = DatagenQuickstart.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the datagen connector's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The quickstart a config names, ignoring case as Confluent's connector does. */
    public static Optional<DatagenQuickstart> named(String name) {
        return Arrays.stream(values()).filter(quickstart -> quickstart.configName().equalsIgnoreCase(name.trim())).findFirst();
    }

    public static List<String> configNames() {
        return Arrays.stream(values()).map(DatagenQuickstart::configName).toList();
    }
}
