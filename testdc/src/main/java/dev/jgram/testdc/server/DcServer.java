package dev.jgram.testdc.server;

import dev.jgram.mtproto.transport.ServerTransport;
import dev.jgram.testdc.api.ApiService;
import dev.jgram.testdc.api.DcAddress;
import dev.jgram.testdc.io.IoLoop;
import java.nio.channels.ServerSocketChannel;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * One DC of the cluster: its listener, its key store, and the dispatch of frames by
 * auth_key_id to the key exchange or the session layer.
 */
final class DcServer {
  private final DcAddress address;
  private final ServerSocketChannel listener;
  private final KeyStore keys;
  private final ClusterContext context;
  private final Set<DcConnection> connections = ConcurrentHashMap.newKeySet();
  private ApiCalls calls;

  DcServer(DcAddress address, ServerSocketChannel listener, KeyStore keys,
      ClusterContext context) {
    this.address = address;
    this.listener = listener;
    this.keys = keys;
    this.context = context;
  }

  /** Starts accepting on {@code acceptor}, placing connections with {@code placement}. */
  void serve(ApiService service, IoLoop acceptor, Supplier<IoLoop> placement) {
    calls = new ApiCalls(address.id(), service, context.codecs(), context.events());
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
    connections.add(connection);
    context.counters().connectionOpened();
  }

  void closed(DcConnection connection) {
    if (connections.remove(connection)) {
      context.counters().connectionClosed();
    }
  }

  /** A frame with auth_key_id 0: a key-exchange message. */
  void plainMessage(DcConnection connection, byte[] frame) {
    connection.sendError(-404);
  }

  /** A frame with a non-zero auth_key_id. */
  void encryptedMessage(DcConnection connection, long authKeyId, byte[] frame) {
    StoredKey key = keys.find(authKeyId, context.clock().instant().getEpochSecond());
    if (key == null) {
      connection.sendError(-404);
      return;
    }
    connection.sendError(-404);
  }

  void close() {
    try {
      listener.close();
    } catch (java.io.IOException e) {
      // the listener is gone either way
    }
    keys.close();
  }
}
