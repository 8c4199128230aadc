package io.ferry.connect.rest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectReader;
import io.ferry.connect.herder.ConnectorOffsets;
import io.ferry.connect.model.TargetState;

import static io.ferry.connect.rest.ConnectorJson.MAPPER;

/**
 * Reads request bodies as Apache Kafka Connect does: unknown fields, malformed JSON and values of
 * the wrong type are answered 500 with the parser's message (Apache answers so; clients rely on the
 * status, not on a 400); config values that are JSON numbers or booleans are taken as their text. A
 * body that is missing where one is needed is also a 500.
 */
final class RequestBodies {
    private static final ObjectReader STRING_MAP = MAPPER.readerFor(new TypeReference<Map<String, String>>() { });
    private static final ObjectReader CREATE = MAPPER.readerFor(CreateConnectorRequest.class);
    private static final ObjectReader TASK_CONFIGS = MAPPER.readerFor(new TypeReference<List<Map<String, String>>>() { });
    private static final ObjectReader OFFSETS = MAPPER.readerFor(OffsetsRequest.class);

    private RequestBodies() {
    }

    /** The body of POST /connectors. */
    record CreateConnectorRequest(@JsonProperty("name") String name, @JsonProperty("config") Map<String, String> config,
                                  @JsonProperty("initial_state") InitialState initialState) {
    }

    /** The states a connector may be created in, written in any case. */
    enum InitialState {
        RUNNING(TargetState.STARTED),
        PAUSED(TargetState.PAUSED),
        STOPPED(TargetState.STOPPED);

        private final TargetState targetState;

        InitialState(TargetState targetState) {
            this.targetState = targetState;
        }

        TargetState targetState() {
            return targetState;
        }

        @JsonCreator
        static InitialState forValue(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    /** The body of PATCH /connectors/{c}/offsets. */
    record OffsetsRequest(@JsonProperty("offsets") List<OffsetRequest> offsets) {
    }

    record OffsetRequest(@JsonProperty("partition") Map<String, Object> partition, @JsonProperty("offset") Map<String, Object> offset) {
    }

    static CreateConnectorRequest create(byte[] body) {
        return read(CREATE, body);
    }

    /** A config, or a patch of one (null values remove keys), or a logger's {"level": ...}. */
    static Map<String, String> stringMap(byte[] body) {
        return read(STRING_MAP, body);
    }

    /** The task configs a worker sends its leader: a JSON array of string maps. */
    static List<Map<String, String>> taskConfigs(byte[] body) {
        return read(TASK_CONFIGS, body);
    }

    /**
     * The offsets to write; a null offset removes its partition.
     *
     * @throws RestException 400 when no partition is given
     */
    static ConnectorOffsets offsets(byte[] body) {
        OffsetsRequest request = read(OFFSETS, body);
        if (request.offsets() == null || request.offsets().isEmpty()) {
            throw new RestException(400, "Partitions / offsets need to be provided for an alter offsets request");
        }
        List<ConnectorOffsets.Offset> offsets = new ArrayList<>();
        for (OffsetRequest offset : request.offsets()) {
            offsets.add(new ConnectorOffsets.Offset(offset.partition(), offset.offset()));
        }
        return new ConnectorOffsets(offsets);
    }

    private static <T> T read(ObjectReader reader, byte[] body) {
        T value;
        try {
            value = isBlank(body) ? null : reader.readValue(body);
        } catch (IOException e) {
            throw new RestException(500, e.getMessage());
        }
        if (value == null) {
            throw new RestException(500, "The request needs a JSON body");
        }
        return value;
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }
}
