package io.ferry.registry.cluster;

/**
 * The leader's answer, relayed to the client as it is.
 *
 * @param status      the HTTP status
 * @param contentType the content type, or null
 * @param body        the body
 */
public record ForwardedResponse(int status, String contentType, byte[] body) {
}
