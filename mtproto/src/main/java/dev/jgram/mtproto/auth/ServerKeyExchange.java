package dev.jgram.mtproto.auth;

import dev.jgram.mtproto.auth.KeyExchangeRequestException.Reason;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.LongPredicate;

/**
 * The server half of the MTProto key exchange as a pure state machine: the body of a plain
 * message from the client (a TL object, without the envelope) and the run's state in, the
 * answer body and the next state out. No I/O, no threads; randomness and the clock come from
 * {@link ServerKeyExchangeOptions}.
 *
 * <pre>
 * state          request                 answer                      next state
 * any            req_pq / req_pq_multi   resPQ                       pq_sent (a new run)
 * pq_sent        req_DH_params           server_DH_params_ok         dh_params_sent
 * dh_params_sent set_client_DH_params    dh_gen_ok (+ the new key)   finished
 *                                        dh_gen_retry (key id taken) dh_params_sent
 *                                        dh_gen_fail (bad g_b/retry) failed
 * </pre>
 *
 * <p>A request repeated byte for byte gets the same answer again (retransmission). A new
 * req_pq starts a new run from any state, so a client may run a second exchange on the same
 * connection (GramJS and mtcute do after making a 255-byte key). Anything else that does not
 * fit throws {@link KeyExchangeRequestException}; the caller answers with its
 * {@link KeyExchangeRequestException#transportError() transport error} and, since the protocol
 * refuses every later request of a refused run, goes on with {@link #initial()} (or closes the
 * connection). {@code server_DH_params_fail} is never sent: like Telegram, a bad req_DH_params
 * gets a transport error.
 *
 * <p>Usage, one state per connection:
 *
 * <pre>{@code
 * ServerKeyExchange.State state = ServerKeyExchange.initial();
 * // for each plain message (auth_key_id 0) from the client:
 * ServerKeyExchange.Step step = ServerKeyExchange.answer(options, state, body, keyStore::contains);
 * send(plainMessage(step.answer()));
 * state = step.state();
 * step.key().ifPresent(keyStore::add);
 * }</pre>
 *
 * <p>Randomness is drawn in this order: server_nonce (16) and, without a fixed pq, 4 bytes
 * per prime candidate seed; a (256, again while g_a falls outside the safe range), then the
 * answer's 0..15 padding bytes.
 */
public final class ServerKeyExchange {
  static final int REQ_PQ = 0x60469778;
  static final int REQ_PQ_MULTI = 0xbe7e8ef1;
  static final int REQ_DH_PARAMS = 0xd712e4be;
  static final int SET_CLIENT_DH_PARAMS = 0xf5045f1f;

  private ServerKeyExchange() {}

  /** Where a run stands; opaque to callers except for {@link #phase()}. */
  public sealed interface State permits Idle, PqSent, DhParamsSent, Finished, Failed {
    /** "idle", "pq_sent", "dh_params_sent", "finished" or "failed: reason". */
    String phase();
  }

  /**
   * One answer and what follows it.
   *
   * @param answer the TL body to send back in a plain message
   * @param state the run's next state
   * @param key the new key, present only with the dh_gen_ok that creates it
   */
  public record Step(byte[] answer, State state, Optional<ServerAuthKey> key) {
    /** Copies the answer. */
    public Step {
      answer = answer.clone();
    }

    /** A copy of answer. */
    @Override
    public byte[] answer() {
      return answer.clone();
    }
  }

  /** The state of a connection that has not started a run. */
  public static State initial() {
    return new Idle();
  }

  /**
   * Answers one key-exchange request.
   *
   * @param options this DC's keys, id, DH group, randomness and clock
   * @param state the run's state, {@link #initial()} at first
   * @param request the body of the client's plain message
   * @param keyIdTaken true for an auth_key_id that is already in use; such a key gets
   *     dh_gen_retry
   * @throws KeyExchangeRequestException if the request is malformed, out of order, or fails a
   *     check that the protocol answers with a transport error
   */
  public static Step answer(ServerKeyExchangeOptions options, State state, byte[] request,
      LongPredicate keyIdTaken) {
    if (request.length < 4) {
      throw new KeyExchangeRequestException(Reason.MALFORMED, "plain message body is "
          + request.length + " bytes; expected a TL object of at least 4");
    }
    int id = Numbers.constructorId(request);
    if (id == REQ_PQ || id == REQ_PQ_MULTI) {
      return state instanceof PqSent sent && Arrays.equals(sent.request(), request)
          ? resend(sent.answer(), state) : ServerSteps.answerPq(options, request);
    }
    if (id == REQ_DH_PARAMS) {
      if (state instanceof PqSent sent) {
        return ServerSteps.answerDhParams(options, sent, request);
      }
      if (state instanceof DhParamsSent sent && Arrays.equals(sent.request(), request)) {
        return resend(sent.answer(), state);
      }
      throw outOfOrder("req_DH_params", state);
    }
    if (id == SET_CLIENT_DH_PARAMS) {
      if (state instanceof DhParamsSent sent) {
        return ServerFinish.answerClientDhParams(options, sent, request, keyIdTaken);
      }
      if (state instanceof Finished done && Arrays.equals(done.request(), request)) {
        return resend(done.answer(), state);
      }
      throw outOfOrder("set_client_DH_params", state);
    }
    throw new KeyExchangeRequestException(Reason.UNEXPECTED_MESSAGE, String.format(
        "plain message with constructor %08x; expected req_pq_multi, req_pq, req_DH_params or"
        + " set_client_DH_params", id));
  }

  private static Step resend(byte[] answer, State state) {
    return new Step(answer, state, Optional.empty());
  }

  private static KeyExchangeRequestException outOfOrder(String name, State state) {
    return new KeyExchangeRequestException(Reason.UNEXPECTED_MESSAGE, name + " in state "
        + state.phase());
  }

  record Idle() implements State {
    @Override
    public String phase() {
      return "idle";
    }
  }

  /** After resPQ: the run's nonces and the factors of the pq sent. */
  record PqSent(byte[] request, byte[] answer, byte[] nonce, byte[] serverNonce, long p, long q)
      implements State {
    @Override
    public String phase() {
      return "pq_sent";
    }
  }

  /** What the client's p_q_inner_data said, for the call log and the key's expiry. */
  record InnerData(String constructor, RsaPadding padding, OptionalInt dc, int expiresIn) {}

  /**
   * After server_DH_params_ok (or dh_gen_retry): the secret a, new_nonce and the retry_id the
   * client must send next (0, or the aux hash of the key just refused).
   */
  record DhParamsSent(byte[] request, byte[] answer, PqSent pq, byte[] newNonce, BigInteger a,
      InnerData inner, long expectedRetryId) implements State {
    @Override
    public String phase() {
      return "dh_params_sent";
    }

    DhParamsSent withRetryId(long retryId) {
      return new DhParamsSent(request, answer, pq, newNonce, a, inner, retryId);
    }

    @Override
    public String toString() {
      return "DhParamsSent[inner=" + inner + ", expectedRetryId=" + expectedRetryId + "]";
    }
  }

  /** After dh_gen_ok; kept so a repeated set_client_DH_params gets the same answer. */
  record Finished(byte[] request, byte[] answer) implements State {
    @Override
    public String phase() {
      return "finished";
    }
  }

  /** After dh_gen_fail; the client must start again with req_pq_multi. */
  record Failed(String reason) implements State {
    @Override
    public String phase() {
      return "failed: " + reason;
    }
  }
}
