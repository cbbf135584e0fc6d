package dev.jgram.mtproto.auth;

import static dev.jgram.mtproto.auth.InMemoryExchange.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgram.mtproto.RandomSource;
import dev.jgram.mtproto.SecurityCheckException;
import dev.jgram.mtproto.auth.KeyExchangeRequestException.Reason;
import dev.jgram.mtproto.auth.ServerKeyExchangeOptions.DcRule;
import dev.jgram.mtproto.crypto.RsaPublicKey;
import dev.jgram.mtproto.tl.TlCodec;
import dev.jgram.mtproto.tl.TlObject;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Requests the server half refuses, each with a typed reason, and the answers it repeats. */
class ServerKeyExchangeRefusalTest {
  private static final TlCodec CODEC = TlCodec.jgram();
  private static final Map<Long, RsaPublicKey> KEYS = Map.of(KEY.fingerprint(), KEY.publicKey());
  private final ServerKeyExchangeOptions server = InMemoryExchange.serverOptions(11);
  private final RandomSource client = InMemoryExchange.seeded(12);

  @Test
  void aDcIdOfAnotherDcIsAnsweredWithMinus444() {
    assertRefused(reqDhParams(KeyExchangeOptions.current(3), server), server,
        Reason.WRONG_DC, -444, "p_q_inner_data_dc.dc is 3; this is DC 2 (ANY accepts ±2 and"
            + " ±10002)");
  }

  @Test
  void aTestDcIdSentToAProductionOnlyDcIsAnsweredWithMinus444() {
    var production = server.withDcRule(DcRule.PRODUCTION);
    assertRefused(reqDhParams(KeyExchangeOptions.current(10002), production), production,
        Reason.WRONG_DC, -444, "p_q_inner_data_dc.dc is 10002; this is DC 2 (PRODUCTION"
            + " accepts ±2)");
  }

  @Test
  void anUnknownFingerprintIsRefused() {
    var exchange = new Exchange(server, KeyExchangeOptions.current(2));
    byte[] request = replace(exchange.reqDhParams, "public_key_fingerprint", 0x1234L);
    assertThatThrownBy(() -> ServerKeyExchange.answer(server, exchange.afterPq, request,
        id -> false))
        .isInstanceOfSatisfying(KeyExchangeRequestException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_FINGERPRINT))
        .hasMessage("req_DH_params names RSA key 0000000000001234; this DC has"
            + " [RsaPrivateKey[fingerprint=b1f022591e94c08e]]");
  }

  @Test
  void wrongFactorsAreRefused() {
    var exchange = new Exchange(server, KeyExchangeOptions.current(2));
    byte[] request = replace(exchange.reqDhParams, "p", new byte[] {1, 2, 3, 5});
    assertThatThrownBy(() -> ServerKeyExchange.answer(server, exchange.afterPq, request,
        id -> false))
        .isInstanceOfSatisfying(KeyExchangeRequestException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_FACTORS))
        .hasMessageStartingWith("req_DH_params has p = 16909061, q = ");
  }

  @Test
  void anotherNonceIsRefused() {
    var exchange = new Exchange(server, KeyExchangeOptions.current(2));
    byte[] request = replace(exchange.reqDhParams, "nonce", new byte[16]);
    assertThatThrownBy(() -> ServerKeyExchange.answer(server, exchange.afterPq, request,
        id -> false))
        .isInstanceOfSatisfying(KeyExchangeRequestException.class,
            e -> assertThat(e.transportError()).isEqualTo(-404))
        .hasMessage("req_DH_params.nonce differs from the run's req_pq nonce");
  }

  @Test
  void tamperedEncryptedDataFailsBothPaddings() {
    var exchange = new Exchange(server, KeyExchangeOptions.current(2));
    byte[] encrypted = (byte[]) CODEC.decode(exchange.reqDhParams).get("encrypted_data");
    encrypted[100] ^= 1;
    byte[] request = replace(exchange.reqDhParams, "encrypted_data", encrypted);
    assertThatThrownBy(() -> ServerKeyExchange.answer(server, exchange.afterPq, request,
        id -> false))
        .isInstanceOfSatisfying(KeyExchangeRequestException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.UNDECRYPTABLE))
        .hasMessageStartingWith("encrypted_data is neither RSA_PAD (RSA_PAD hash mismatch");
  }

  @Test
  void messagesOutOfOrderAreRefused() {
    var exchange = new Exchange(server, KeyExchangeOptions.current(2));
    assertThatThrownBy(() -> ServerKeyExchange.answer(server, ServerKeyExchange.initial(),
        exchange.reqDhParams, id -> false))
        .isInstanceOfSatisfying(KeyExchangeRequestException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.UNEXPECTED_MESSAGE))
        .hasMessage("req_DH_params in state idle");
    byte[] ping = CODEC.encode(TlObject.of("ping", "ping_id", 1L));
    assertThatThrownBy(() -> ServerKeyExchange.answer(server, exchange.afterPq, ping,
        id -> false))
        .hasMessage("plain message with constructor 7abe77ec; expected req_pq_multi, req_pq,"
            + " req_DH_params or set_client_DH_params");
    assertThatThrownBy(() -> ServerKeyExchange.answer(server, exchange.afterPq, new byte[] {1},
        id -> false))
        .isInstanceOfSatisfying(KeyExchangeRequestException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
  }

  @Test
  void repeatedRequestsGetTheSameAnswerAgain() {
    var exchange = new Exchange(server, KeyExchangeOptions.current(2));
    var again = ServerKeyExchange.answer(server, exchange.afterPq, exchange.reqPq, id -> false);
    assertThat(again.answer()).isEqualTo(exchange.resPq);
    var dh = ServerKeyExchange.answer(server, exchange.afterPq, exchange.reqDhParams,
        id -> false);
    var dhAgain = ServerKeyExchange.answer(server, dh.state(), exchange.reqDhParams,
        id -> false);
    assertThat(dhAgain.answer()).isEqualTo(dh.answer());
    assertThat(dhAgain.state()).isSameAs(dh.state());
    var c3 = ClientKeyExchange.setClientDhParams(exchange.afterReqDh, dh.answer(), client,
        InMemoryExchange.NOW);
    var ok = ServerKeyExchange.answer(server, dh.state(), c3.request(), id -> false);
    var okAgain = ServerKeyExchange.answer(server, ok.state(), c3.request(), id -> false);
    assertThat(okAgain.answer()).isEqualTo(ok.answer());
    assertThat(ok.key()).isPresent();
    assertThat(okAgain.key()).isEmpty();
    assertThat(ClientKeyExchange.finish(c3.state(), okAgain.answer()).authKey())
        .isEqualTo(ok.key().orElseThrow().authKey());
  }

  /**
   * GramJS and mtcute turn a DH result that starts with 0 into 255 bytes, fail the
   * new_nonce_hash1 check, and run a second exchange on the same connection (spec §1.5).
   */
  @Test
  void aSecondExchangeOnTheSameConnectionAfterAClientDroppedItsKeySucceeds() {
    var first = InMemoryExchange.run(KeyExchangeOptions.current(2),
        InMemoryExchange.serverOptions(90), InMemoryExchange.seeded(2120), id -> false);
    assertThat(first.serverState().phase()).isEqualTo("finished");
    byte[] key = first.server().authKey();
    assertThat(key[0]).isZero();
    byte[] truncated = java.util.Arrays.copyOfRange(key, 1, 256);
    assertThat(dev.jgram.mtproto.crypto.Hashes.sha1(truncated))
        .isNotEqualTo(dev.jgram.mtproto.crypto.Hashes.sha1(key));
    var second = InMemoryExchange.run(KeyExchangeOptions.current(2), server, client,
        id -> id == first.server().authKeyId(), first.serverState());
    assertThat(second.server().authKey()).isEqualTo(second.client().authKey())
        .isNotEqualTo(key);
  }

  @Test
  void aWrongRetryIdGetsDhGenFail() {
    var exchange = new Exchange(server, KeyExchangeOptions.current(2));
    var dh = ServerKeyExchange.answer(server, exchange.afterPq, exchange.reqDhParams,
        id -> false);
    var c3 = ClientKeyExchange.setClientDhParams(exchange.afterReqDh, dh.answer(), client,
        InMemoryExchange.NOW);
    // a retry the server never asked for: retry_id is the aux hash instead of 0
    var retried = ClientKeyExchange.retry(c3.state(), dhGenRetryFor(c3.state()), client);
    var step = ServerKeyExchange.answer(server, dh.state(), retried.request(), id -> false);
    assertThat(step.state().phase()).startsWith("failed: client_DH_inner_data.retry_id is ");
    assertThat(step.key()).isEmpty();
    assertThatThrownBy(() -> ClientKeyExchange.finish(retried.state(), step.answer()))
        .isInstanceOf(KeyExchangeException.class)
        .hasMessage("dh_gen_fail: the server did not accept the key");
  }

  @ParameterizedTest
  @ValueSource(longs = {3L * 1229739323L * 1402015859L, 1402015859L, 1229739323L * 1229739323L})
  void theClientRefusesAPqThatIsNotAProductOfTwoDistinctPrimes(long pq) {
    var c1 = ClientKeyExchange.start(client);
    byte[] resPq = CODEC.encode(TlObject.of("resPQ", "nonce", c1.state().nonce(),
        "server_nonce", new byte[16], "pq", BigInteger.valueOf(pq).toByteArray(),
        "server_public_key_fingerprints", List.of(KEY.fingerprint())));
    assertThatThrownBy(() -> ClientKeyExchange.requestDhParams(c1.state(), resPq, KEYS,
        KeyExchangeOptions.current(2), client))
        .isInstanceOf(SecurityCheckException.class)
        .hasMessage("resPQ.pq " + pq + " is not a product of two distinct primes");
  }

  @Test
  void optionsWithAFixedPqThatIsNotAProductOfTwoPrimesAreRefused() {
    assertThatThrownBy(() -> server.withFixedPq(1229739323L))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(server.withFixedPq(0x17ED48941A08F981L).fixedPq())
        .isEqualTo(1229739323L * 1402015859L);
  }

  private byte[] dhGenRetryFor(ClientKeyExchange.DhSent state) {
    return ServerFinish.dhGenAnswer(2, state.nonce(), state.serverNonce(), state.newNonce(),
        state.authKey());
  }

  private void assertRefused(Exchange exchange, ServerKeyExchangeOptions options, Reason reason,
      int transportError, String message) {
    assertThatThrownBy(() -> ServerKeyExchange.answer(options, exchange.afterPq,
        exchange.reqDhParams, id -> false))
        .isInstanceOfSatisfying(KeyExchangeRequestException.class, e -> {
          assertThat(e.reason()).isEqualTo(reason);
          assertThat(e.transportError()).isEqualTo(transportError);
        })
        .hasMessage(message);
  }

  private Exchange reqDhParams(KeyExchangeOptions options, ServerKeyExchangeOptions server) {
    return new Exchange(server, options);
  }

  private static byte[] replace(byte[] request, String field, Object value) {
    TlObject object = CODEC.decode(request);
    Map<String, Object> fields = new LinkedHashMap<>(object.fields());
    fields.put(field, value);
    return CODEC.encode(new TlObject(object.name(), fields));
  }

  /** The first two round trips of a run, kept apart so each test can bend one message. */
  private final class Exchange {
    final byte[] reqPq;
    final byte[] resPq;
    final ServerKeyExchange.State afterPq;
    final byte[] reqDhParams;
    final ClientKeyExchange.DhRequested afterReqDh;

    Exchange(ServerKeyExchangeOptions options, KeyExchangeOptions clientOptions) {
      var c1 = ClientKeyExchange.start(clientOptions, client);
      var s1 = ServerKeyExchange.answer(options, ServerKeyExchange.initial(), c1.request(),
          id -> false);
      var c2 = ClientKeyExchange.requestDhParams(c1.state(), s1.answer(), KEYS, clientOptions,
          client);
      reqPq = c1.request();
      resPq = s1.answer();
      afterPq = s1.state();
      reqDhParams = c2.request();
      afterReqDh = c2.state();
    }
  }
}
