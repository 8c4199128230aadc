/**
 * What every task has, whatever its kind: its life on its own thread ({@link
 * io.ferry.connect.worker.task.WorkerTask}), what it is made with, who is told of its changes, and
 * the logging context that names it on every line.
 */
package io.ferry.connect.worker.task;
