package io.ferry.serde.registry;

/** Names the part of a record being (de)serialized, for error messages: "the value of a record in topic 'orders'". */
public final class RecordSide {
    private RecordSide() {
    }

    public static String describe(String topic, boolean isKey) {
        return "the " + (isKey ? "key" : "value") + " of a record in topic '" + topic + "'";
    }
}
