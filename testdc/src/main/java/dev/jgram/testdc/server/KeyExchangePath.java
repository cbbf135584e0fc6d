package dev.jgram.testdc.server;

import dev.jgram.mtproto.PlainMessage;
import dev.jgram.mtproto.auth.KeyExchangeRequestException;
import dev.jgram.mtproto.auth.ServerAuthKey;
import dev.jgram.mtproto.auth.ServerKeyExchange;
import dev.jgram.mtproto.auth.ServerKeyExchangeOptions;
import dev.jgram.mtproto.tl.TlException;
import dev.jgram.testdc.event.ClusterEvent;

/**
 * Plain messages (auth_key_id 0) of one DC: the server half of the key exchange, one run per
 * connection at a time (a new req_pq starts another on the same connection). A new permanent
 * key is on disk before {@code dh_gen_ok} leaves; each completed exchange is counted and
 * logged with its padding and inner-data constructor.
 *
 * <pre>
 * not a plain message, or a request the exchange refuses -&gt; -404
 * p_q_inner_data names another DC                          -&gt; -444
 * </pre>
 */
final class KeyExchangePath {
  private static final System.Logger LOG = System.getLogger(KeyExchangePath.class.getName());
  private final int dcId;
  private final ServerKeyExchangeOptions options;
  private final KeyStore keys;
  private final SessionPath sessions;
  private final ClusterContext context;

  KeyExchangePath(int dcId, ServerKeyExchangeOptions options, KeyStore keys,
      SessionPath sessions, ClusterContext context) {
    this.dcId = dcId;
    this.options = options;
    this.keys = keys;
    this.sessions = sessions;
    this.context = context;
  }

  /**
   * Answers one plain message on {@code connection}. The exchange's RSA and DH arithmetic and
   * the durable write of a new key run on a worker thread; the connection holds its later
   * frames until the answer is sent, so its order is kept and the I/O loop never waits.
   */
  void receive(DcConnection connection, byte[] frame) {
    PlainMessage request;
    try {
      request = PlainMessage.decode(frame);
    } catch (TlException e) {
      connection.sendError(-404);
      return;
    }
    ServerKeyExchange.State state = connection.keyExchange();
    connection.suspend();
    context.workers().execute(() -> connection.resume(answer(connection, state,
        request.body())));
  }

  /** Runs one step off the loop; returns what the loop then does on the connection. */
  private Runnable answer(DcConnection connection, ServerKeyExchange.State state,
      byte[] body) {
    try {
      ServerKeyExchange.Step step = ServerKeyExchange.answer(options, state, body,
          keys::contains);
      step.key().ifPresent(this::store);
      return () -> {
        connection.keyExchange(step.state());
        connection.send(new PlainMessage(connection.plainMessageId(context.clock().instant()),
            step.answer()).encode());
      };
    } catch (KeyExchangeRequestException e) {
      return () -> {
        connection.keyExchange(ServerKeyExchange.initial());
        connection.sendError(e.transportError());
      };
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "dc " + dcId + ": key exchange step failed", e);
      return () -> {
        connection.keyExchange(ServerKeyExchange.initial());
        connection.sendError(-404);
      };
    }
  }

  private void store(ServerAuthKey key) {
    keys.add(new StoredKey(dcId, key.authKeyId(), key.authKey(), key.temporary(),
        key.expiresAt()));
    sessions.keyMade(key);
    context.counters().keyExchange(dcId);
    context.events().add(new ClusterEvent.KeyExchange(dcId, key.authKeyId(),
        key.padding().logName(), key.innerConstructor()));
  }
}
