package io.ferry.registry.rest;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The content types the API reads and writes, and the choice of a response type from a request's
 * {@code Accept} header, as Confluent's registry makes it.
 */
final class MediaTypes {
    static final String SCHEMA_REGISTRY_V1 = "application/vnd.schemaregistry.v1+json";
    static final String SCHEMA_REGISTRY = "application/vnd.schemaregistry+json";
    static final String JSON = "application/json";
    static final String OCTET_STREAM = "application/octet-stream";

    /** What a request body may be; a body without a content type is read as JSON too. */
    private static final Set<String> ACCEPTED_REQUEST_TYPES = Set.of(SCHEMA_REGISTRY_V1, SCHEMA_REGISTRY, JSON, OCTET_STREAM);

    /** What the server produces, with its own preference. */
    private static final List<Produced> PRODUCED = List.of(
            new Produced(SCHEMA_REGISTRY_V1, 1.0), new Produced(SCHEMA_REGISTRY, 0.9), new Produced(JSON, 0.5));

    private record Produced(String type, double quality) {
    }

    private MediaTypes() {
    }

    static boolean isAcceptedRequestType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        return ACCEPTED_REQUEST_TYPES.contains(essence(contentType));
    }

    /**
     * The response type for an {@code Accept} header: the best of the produced types, weighing the
     * client's q-values with the server's preference; empty when the client accepts none of them.
     */
    static Optional<String> negotiate(String accept) {
        if (accept == null || accept.isBlank()) {
            return Optional.of(SCHEMA_REGISTRY_V1);
        }
        String best = null;
        double bestScore = 0;
        for (Produced produced : PRODUCED) {
            double score = clientQuality(accept, produced.type()) * produced.quality();
            if (score > bestScore) {
                bestScore = score;
                best = produced.type();
            }
        }
        return Optional.ofNullable(best);
    }

    /** The q-value the client gives a type: the most specific matching range wins. */
    private static double clientQuality(String accept, String type) {
        String[] typeParts = type.split("/");
        int bestSpecificity = -1;
        double quality = 0;
        for (String range : accept.split(",")) {
            String[] parameters = range.split(";");
            String media = parameters[0].trim().toLowerCase(Locale.ROOT);
            String[] mediaParts = media.split("/");
            if (mediaParts.length != 2) {
                continue;
            }
            int specificity;
            if (media.equals(type)) {
                specificity = 2;
            } else if (mediaParts[0].equals(typeParts[0]) && mediaParts[1].equals("*")) {
                specificity = 1;
            } else if (media.equals("*/*")) {
                specificity = 0;
            } else {
                continue;
            }
            if (specificity > bestSpecificity) {
                bestSpecificity = specificity;
                quality = q(parameters);
            }
        }
        return quality;
    }

    private static double q(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String parameter = parameters[i].trim();
            if (parameter.startsWith("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }

    private static String essence(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }
}
