/** {@code ferry connect}: Connect workers, standalone and distributed, and the plugins of their plugin.path. */
package io.ferry.cli.connect;
