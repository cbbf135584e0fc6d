/**
 * The online client's performance run ({@link dev.jgram.bench.client.ClientBench}): a
 * {@code jgram testdc} in another process, and {@link dev.jgram.Client}s in this one measured
 * for first start, reconnect, sequential and concurrent round trips, and an idle fleet.
 */
package dev.jgram.bench.client;
