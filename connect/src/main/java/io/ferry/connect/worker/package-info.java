/**
 * The worker: runs connectors and their tasks on threads of their own, each plugin in its class
 * loader, and reports what happens to them to a status listener (the herder). The source and sink
 * task loops live in {@code worker.source} and {@code worker.sink}; what a record passes through in
 * {@code worker.pipeline}.
 */
package io.ferry.connect.worker;
