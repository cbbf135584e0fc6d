/**
 * Connections to Telegram data centres over TCP: {@link dev.jgram.net.DcConnection} runs the
 * key exchange and the encrypted session of {@code dev.jgram.mtproto} over a socket, with
 * reconnects, pings, flood waits and timeouts; sockets, threads and timers live here and
 * nowhere else.
 *
 * <p>Its API speaks in MTProto types (TL objects, keys, transports), so
 * {@code dev.jgram.mtproto} is required transitively.
 */
module dev.jgram.net {
  requires transitive dev.jgram.mtproto;

  exports dev.jgram.net;
}
