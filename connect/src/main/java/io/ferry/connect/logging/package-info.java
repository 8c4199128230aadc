/**
 * The worker's log levels, read and changed while it runs: what {@code /admin/loggers} shows and
 * sets, on Logback, with the time each level was last changed. Knows nothing of HTTP.
 */
package io.ferry.connect.logging;
