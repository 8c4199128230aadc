/** {@code ferry connect}: Connect workers — standalone now, distributed later. */
package io.ferry.cli.connect;
