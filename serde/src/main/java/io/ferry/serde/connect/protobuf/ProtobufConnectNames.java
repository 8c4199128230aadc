package io.ferry.serde.connect.protobuf;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import io.ferry.protobuf.ProtoNames;

/** The names and parameters Confluent's Protobuf converter puts in Connect schemas, and its name scrubbing. */
final class ProtobufConnectNames {
    static final String NAMESPACE = "io.confluent.connect.protobuf";
    static final String DEFAULT_NAME = "ConnectDefault";
    /** On an enum's Connect schema: the enum's name; with a suffix {@code .SYMBOL}: that symbol's number. */
    static final String ENUM = NAMESPACE + ".Enum";
    static final String ENUM_PREFIX = ENUM + ".";
    /** The name of a oneof's Connect struct: this prefix and the oneof's name. */
    static final String UNION_PREFIX = NAMESPACE + ".Union.";
    /** On a field's Connect schema: the Protobuf field number. */
    static final String TAG = NAMESPACE + ".Tag";
    static final String CONNECT_TYPE = "connect.type";
    static final String CONNECT_PRECISION = "connect.decimal.precision";
    static final String PRECISION = "precision";
    static final String SCALE = "scale";

    static final String DECIMAL_TYPE = "confluent.type.Decimal";
    static final String DATE_TYPE = "google.type.Date";
    static final String TIME_TYPE = "google.type.TimeOfDay";
    static final String TIMESTAMP_TYPE = "google.protobuf.Timestamp";

    private static final Pattern START = Pattern.compile("^[A-Za-z]");
    private static final Pattern INVALID = Pattern.compile("[^A-Za-z0-9_]");

    private ProtobufConnectNames() {
    }

    /** A name Protobuf accepts: URL-encoded, invalid characters as {@code _}, prefixed with {@code x} when it does not start with a letter. */
    static String scrub(String name) {
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8);
        if (!START.matcher(encoded).lookingAt()) {
            encoded = "x" + encoded;
        }
        return INVALID.matcher(encoded).replaceAll("_");
    }

    /** The part after the last dot. */
    static String unqualified(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /** The map entry message protoc generates for a field: {@code counts} → {@code CountsEntry}. */
    static String mapEntryName(String fieldName) {
        return ProtoNames.mapEntryName(fieldName);
    }
}
