/** What every {@code ferry} subcommand shares: one-line errors, logging to a file, signals. */
package io.ferry.cli.support;
