package dev.jgram.net;

import dev.jgram.mtproto.MessageIds;
import dev.jgram.mtproto.PlainMessage;
import dev.jgram.mtproto.RandomSource;
import dev.jgram.mtproto.auth.AuthKeyResult;
import dev.jgram.mtproto.auth.ClientKeyExchange;
import dev.jgram.mtproto.auth.ClientKeyExchange.DhRequested;
import dev.jgram.mtproto.auth.ClientKeyExchange.DhSent;
import dev.jgram.mtproto.auth.ClientKeyExchange.Started;
import dev.jgram.mtproto.auth.KeyExchangeOptions;
import java.time.Clock;

/**
 * The client half of the key exchange driven over a link: each plain message the server
 * sends advances {@link ClientKeyExchange} one step and yields the next message to send, until
 * the key exists. Runs on the loop thread.
 *
 * <pre>
 * start          → req_pq_multi
 * resPQ          → req_DH_params
 * server_DH_params_ok → set_client_DH_params
 * dh_gen_retry   → set_client_DH_params (again, new b)
 * dh_gen_ok      → the key
 * </pre>
 */
final class KeyExchangeRun {
  private final ServerKeys keys;
  private final KeyExchangeOptions options;
  private final RandomSource random;
  private final Clock clock;
  private final MessageIds ids;
  private Started started;
  private DhRequested requested;
  private DhSent sent;

  KeyExchangeRun(ServerKeys keys, KeyExchangeOptions options, RandomSource random, Clock clock) {
    this.keys = keys;
    this.options = options;
    this.random = random;
    this.clock = clock;
    this.ids = new MessageIds(clock, 0);
  }

  /** The first message: req_pq_multi. */
  byte[] start() {
    ClientKeyExchange.Step<Started> step = ClientKeyExchange.start(options, random);
    started = step.state();
    return plain(step.request());
  }

  /**
   * Takes one server message; returns the next message to send, or null once {@link #result}
   * holds the key.
   *
   * @throws dev.jgram.mtproto.SecurityCheckException if a check fails (unknown server key
   *     included)
   */
  byte[] advance(byte[] payload) {
    byte[] answer = PlainMessage.decode(payload).body();
    if (requested == null) {
      ClientKeyExchange.Step<DhRequested> step = ClientKeyExchange.requestDhParams(started,
          answer, keys.byFingerprint(), options, random);
      requested = step.state();
      return plain(step.request());
    }
    if (sent == null) {
      ClientKeyExchange.Step<DhSent> step = ClientKeyExchange.setClientDhParams(requested,
          answer, random, clock.instant());
      sent = step.state();
      return plain(step.request());
    }
    if (ClientKeyExchange.isRetry(answer)) {
      ClientKeyExchange.Step<DhSent> step = ClientKeyExchange.retry(sent, answer, random);
      sent = step.state();
      return plain(step.request());
    }
    result = ClientKeyExchange.finish(sent, answer);
    return null;
  }

  private AuthKeyResult result;

  /** The key, once the exchange finished. */
  AuthKeyResult result() {
    return result;
  }

  private byte[] plain(byte[] body) {
    return new PlainMessage(ids.next(), body).encode();
  }
}
