package io.ferry.registry.cluster;

import java.util.Map;

/**
 * A client's write request, to be replayed on the leader unchanged.
 *
 * @param method       GET, POST, PUT or DELETE
 * @param pathAndQuery the path as received (still percent-encoded) and the query string, if any
 * @param headers      the headers to pass on (content type, accept, authorization, request id)
 * @param body         the body; empty for none
 */
public record ForwardedRequest(String method, String pathAndQuery, Map<String, String> headers, byte[] body) {
}
