/**
 * What the benchmark scripts in {@code bench/} run besides Ferry itself: a bare HTTP server on
 * the registry's stack, to compare against, and a generator of large registry logs.
 */
package io.ferry.bench;
