package io.ferry.connect.rest;

import io.ferry.connect.herder.ConnectorOffsets;
import io.ferry.connect.herder.Herder;
import io.javalin.config.RoutesConfig;

import static io.ferry.connect.rest.ConnectorRoutes.CONNECTOR;
import static io.ferry.connect.rest.ConnectorRoutes.name;

/** A connector's offsets: read, alter (the connector STOPPED), reset. */
final class OffsetRoutes {
    private final Herder herder;
    private final Completion completion;

    OffsetRoutes(Herder herder, Completion completion) {
        this.herder = herder;
        this.completion = completion;
    }

    void register(RoutesConfig routes) {
        routes.get(CONNECTOR + "/offsets", ctx -> Replies.json(ctx, ConnectorJson.offsets(completion.await(herder.connectorOffsets(name(ctx))))));
        routes.patch(CONNECTOR + "/offsets", ctx -> {
            ConnectorOffsets offsets = RequestBodies.offsets(ctx.bodyAsBytes());
            Replies.json(ctx, ConnectorJson.message(completion.await(herder.alterConnectorOffsets(name(ctx), offsets)).message()));
        });
        routes.delete(CONNECTOR + "/offsets", ctx ->
                Replies.json(ctx, ConnectorJson.message(completion.await(herder.resetConnectorOffsets(name(ctx))).message())));
    }
}
