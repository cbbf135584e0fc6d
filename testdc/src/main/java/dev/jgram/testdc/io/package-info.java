/**
 * The cluster's I/O engine: one {@link java.nio.channels.Selector} thread per {@link
 * dev.jgram.testdc.io.IoLoop} serves listeners and every connection with per-connection
 * write queues, so ten thousand idle connections cost buffers, not threads. Nothing here knows
 * MTProto; a {@link dev.jgram.testdc.io.WireHandler} receives the bytes.
 */
package dev.jgram.testdc.io;
