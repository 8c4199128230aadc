package io.ferry.registry.rest;

import java.io.IOException;
import java.io.InputStream;

import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and drops the body of a request refused for its length (413) before the answer is written.
 *
 * <p>The refusal comes from the declared {@code Content-Length}, before the body is read. Answering at once
 * and closing while the client still writes lets the connection reset reach the client before the answer
 * does, and the client then sees a broken connection instead of the 413. Reading the rest first lets the
 * answer arrive and keeps the connection open. Only bodies up to {@link #DRAIN_LIMIT_BYTES} are read; a larger
 * one is answered at once and the connection closed, so a client cannot make the server read without end.
 */
final class RefusedBodies {
    /** The largest refused body that is read before the 413 is sent. */
    static final long DRAIN_LIMIT_BYTES = 64L * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(RefusedBodies.class);

    private RefusedBodies() {
    }

    /** Reads what is left of the request's body when its declared length is within the limit. */
    static void drain(Context ctx) {
        long length = ctx.req().getContentLengthLong();
        if (length < 0 || length > DRAIN_LIMIT_BYTES) {
            return;
        }
        byte[] sink = new byte[64 * 1024];
        try (InputStream body = ctx.req().getInputStream()) {
            while (body.read(sink) >= 0) {
                // dropped
            }
        } catch (IOException | IllegalStateException e) {
            // The client went away, or the body was already taken: the connection closes as it would have.
            log.debug("{} {}: the refused body could not be read to its end: {}", ctx.method(), ctx.path(), e.getMessage());
        }
    }
}
