package archfixtures.ferry.registry.rest;

import com.sun.net.httpserver.HttpServer;

/** A rest adapter: may know HTTP. */
public class SchemaResource {
    public HttpServer server;
}
