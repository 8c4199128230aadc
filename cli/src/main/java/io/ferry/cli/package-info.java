/**
 * The {@code ferry} command: {@link io.ferry.cli.Ferry} is the composition root of every process
 * Ferry runs. Each subcommand lives in its own package ({@code kafka}, later {@code registry},
 * {@code connect}, {@code dev}); {@code support} holds what they share: one-line error reporting,
 * logging to a file, and signal handling.
 */
package io.ferry.cli;
