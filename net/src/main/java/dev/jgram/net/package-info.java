/**
 * jgram's network layer: MTProto connections to Telegram's data centres over a shared NIO
 * selector thread, the key exchange and the session layer running on them, RPC calls as
 * futures, pings, reconnection, flood waits and typed errors.
 *
 * <p>The protocol itself lives in {@code jgram-mtproto} as pure state machines; this package
 * only owns sockets, timers and waiters. Start with {@link dev.jgram.net.DcConnection} and
 * {@link dev.jgram.net.NetOptions}.
 */
package dev.jgram.net;
