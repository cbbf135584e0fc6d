package dev.jgram.testdc.server;

import dev.jgram.mtproto.auth.ServerKeyExchangeOptions;
import dev.jgram.mtproto.transport.ServerTransport;
import dev.jgram.testdc.api.ApiService;
import dev.jgram.testdc.api.DcAddress;
import dev.jgram.testdc.io.IoLoop;
import java.io.IOException;
import java.nio.channels.ServerSocketChannel;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * One DC of the cluster: its listener, its key store, and the dispatch of frames by
 * auth_key_id to the key exchange ({@link KeyExchangePath}) or the session layer
 * ({@link SessionPath}).
 */
final class DcServer {
  private final DcAddress address;
  private final ServerSocketChannel listener;
  private final KeyStore keys;
  private final ClusterContext context;
  private final SessionPath sessions;
  private final KeyExchangePath keyExchange;

  DcServer(DcAddress address, ServerSocketChannel listener, KeyStore keys,
      ServerKeyExchangeOptions keyExchangeOptions, SessionSettings settings,
      ClusterContext context) {
    this.address = address;
    this.listener = listener;
    this.keys = keys;
    this.context = context;
    this.sessions = new SessionPath(address.id(), keys, context, settings);
    this.keyExchange = new KeyExchangePath(address.id(), keyExchangeOptions, keys, sessions,
        context);
  }

  /** Starts accepting on {@code acceptor}, placing connections with {@code placement}. */
  void serve(ApiService service, IoLoop acceptor, Supplier<IoLoop> placement) {
    sessions.calls(new ApiCalls(address.id(), service, context.codecs(), context.events(),
        sessions.tempKeys()));
    acceptor.listen(listener, channel -> placement.get(),
        channel -> new DcConnection(this, ServerTransport.accept(context.random())));
  }

  int id() {
    return address.id();
  }

  DcAddress address() {
    return address;
  }

  KeyStore keys() {
    return keys;
  }

  Faults faults() {
    return context.faults();
  }

  ScheduledExecutorService scheduler() {
    return context.scheduler();
  }

  void opened(DcConnection connection) {
    context.counters().connectionOpened();
  }

  void closed(DcConnection connection) {
    context.counters().connectionClosed();
  }

  /** A frame with auth_key_id 0: a key-exchange message. */
  void plainMessage(DcConnection connection, byte[] frame) {
    keyExchange.receive(connection, frame);
  }

  /** A frame with a non-zero auth_key_id. */
  void encryptedMessage(DcConnection connection, long authKeyId, byte[] frame) {
    sessions.receive(connection, authKeyId, frame);
  }

  /** Forgets a key: later messages with it get -404. */
  boolean forget(long authKeyId) {
    sessions.forget(authKeyId);
    return keys.forget(authKeyId);
  }

  /** Stops accepting connections. */
  void stopListening() {
    try {
      listener.close();
    } catch (IOException e) {
      // the listener is gone either way
    }
  }

  /** Closes the key store's file; after the loops and workers stopped. */
  void closeKeys() {
    keys.close();
  }
}
