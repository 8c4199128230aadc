/**
 * The composition root of a Connect worker process: reads the worker's settings, finds plugins,
 * and wires the worker, the herder and the REST API together; stops them in reverse order.
 */
package io.ferry.connect.server;
