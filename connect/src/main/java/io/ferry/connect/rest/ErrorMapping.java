package io.ferry.connect.rest;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import io.ferry.connect.herder.BadRequestException;
import io.ferry.connect.herder.ConflictException;
import io.ferry.connect.herder.NotLeaderException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import org.apache.kafka.connect.errors.AlreadyExistsException;
import org.apache.kafka.connect.errors.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place failures become answers: {@code {"error_code": <status>, "message": ...}} with the
 * status Apache Kafka Connect gives: unknown connector, task, logger or plugin 404; a name in use
 * 409; a bad request 400; the worker cannot decide now 409; the server's own refusals (unknown path
 * 404, wrong method 405, 406, 415) with {@code HTTP <status> <reason>}; anything else 500 with the
 * failure's own message. A request that needs the leader of a distributed cluster goes on to it
 * ({@link LeaderForwarding}).
 */
final class ErrorMapping {
    private static final Logger log = LoggerFactory.getLogger(ErrorMapping.class);

    private final LeaderForwarding forwarding;

    ErrorMapping(LeaderForwarding forwarding) {
        this.forwarding = forwarding;
    }

    void register(RoutesConfig routes) {
        routes.exception(HttpResponseException.class, (e, ctx) -> answer(e, ctx));
        routes.exception(Exception.class, this::answer);
    }

    private void answer(Exception exception, Context ctx) {
        Throwable failure = unwrap(exception);
        if (failure instanceof NotLeaderException notLeader) {
            forwarding.forward(ctx, notLeader);
            return;
        }
        int status = statusOf(failure);
        String message = failure.getMessage();
        if (failure instanceof HttpResponseException) {
            message = "HTTP " + status + " " + reason(status);
        }
        if (status == 500 && !(failure instanceof RestException)) {
            log.error("Uncaught exception in REST call to {}", ctx.path(), failure);
        } else {
            log.debug("{} {} answered {}: {}", ctx.method(), ctx.path(), status, message);
        }
        Replies.error(ctx, status, message);
    }

    static int statusOf(Throwable failure) {
        if (failure instanceof RestException rest) {
            return rest.status();
        }
        if (failure instanceof HttpResponseException http) {
            return http.getStatus();
        }
        if (failure instanceof NotFoundException) {
            return 404;
        }
        if (failure instanceof AlreadyExistsException || failure instanceof ConflictException) {
            return 409;
        }
        if (failure instanceof BadRequestException) {
            return 400;
        }
        return 500;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException) && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static String reason(int status) {
        return switch (status) {
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 413 -> "Request Entity Too Large";
            case 415 -> "Unsupported Media Type";
            default -> HttpStatus.forStatus(status).getMessage();
        };
    }
}
