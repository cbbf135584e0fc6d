package dev.jgram.mtproto.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgram.mtproto.RandomSource;
import dev.jgram.mtproto.SecurityCheckException;
import dev.jgram.mtproto.Vectors;
import dev.jgram.mtproto.crypto.RsaPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The client step functions driven by recorded transcripts. */
class ClientKeyExchangeTest {
  private static final Vectors GRAMMERS = Vectors.load("grammers-authentication.txt");
  private static final Vectors SAMPLE = Vectors.load("core-samples-auth_key.txt");
  private static final Vectors KEYS = Vectors.load("telegram-keys.txt");
  private static final RsaPublicKey TEST_KEY = RsaPublicKey.fromPem(KEYS.raw("test.pem"));
  private static final KeyExchangeOptions GRAMMERS_OPTIONS = new KeyExchangeOptions(0, true);

  @Test
  void grammersTestDcTranscriptReplaysByteForByte() {
    var step1 = ClientKeyExchange.start(RandomSource.replaying(GRAMMERS.bytes("step1.random")));
    assertThat(step1.request()).isEqualTo(GRAMMERS.bytes("step1.request"));

    var step2 = ClientKeyExchange.requestDhParams(step1.state(),
        GRAMMERS.bytes("step1.response"), Map.of(TEST_KEY.fingerprint(), TEST_KEY),
        GRAMMERS_OPTIONS, RandomSource.replaying(step2Random()));
    assertThat(step2.request()).isEqualTo(GRAMMERS.bytes("step2.request"));

    var step3 = ClientKeyExchange.setClientDhParams(step2.state(),
        GRAMMERS.bytes("step2.response"), RandomSource.replaying(GRAMMERS.bytes("step3.random")),
        Instant.ofEpochSecond(1693436740));
    assertThat(step3.request()).isEqualTo(GRAMMERS.bytes("step3.request"));

    AuthKeyResult result = ClientKeyExchange.finish(step3.state(),
        GRAMMERS.bytes("step3.response"));
    assertThat(result).isEqualTo(new AuthKeyResult(GRAMMERS.bytes("auth_key"), 0,
        4459407212920268508L));
  }

  @Test
  void samplePageStepsThreeAndFourReplayByteForByte() {
    var state = new ClientKeyExchange.DhRequested(SAMPLE.bytes("nonce"),
        SAMPLE.bytes("server_nonce"), SAMPLE.bytes("new_nonce"));
    byte[] random = concat(SAMPLE.bytes("b"), SAMPLE.bytes("client_DH_inner_data.padding"));
    var step3 = ClientKeyExchange.setClientDhParams(state, body("server_DH_params_ok.payload"),
        RandomSource.replaying(random), Instant.ofEpochSecond(1707425100));
    assertThat(step3.request()).isEqualTo(body("set_client_DH_params.payload"));
    AuthKeyResult result = ClientKeyExchange.finish(step3.state(), body("dh_gen_ok.payload"));
    assertThat(result.authKey()).isEqualTo(SAMPLE.bytes("auth_key"));
    assertThat(result.timeOffset()).isEqualTo(5);
  }

  @Test
  void samplePageStepTwoPicksTheProductionKeyAndMatchesUpToTheEncryptedData() {
    RsaPublicKey production = RsaPublicKey.fromPem(KEYS.raw("production.pem"));
    var started = new ClientKeyExchange.Started(SAMPLE.bytes("nonce"));
    // new_nonce, the page's RSA_PAD padding, then a temp_key the page does not print
    byte[] random = concat(concat(SAMPLE.bytes("new_nonce"),
        SAMPLE.bytes("rsa_pad.random_padding_bytes")), new byte[32]);
    var step2 = ClientKeyExchange.requestDhParams(started, body("resPQ.payload"),
        Map.of(production.fingerprint(), production, TEST_KEY.fingerprint(), TEST_KEY),
        KeyExchangeOptions.current(2), RandomSource.replaying(random));
    byte[] expected = body("req_DH_params.payload");
    // id, nonces, p, q, fingerprint 85FD64DE851D9DD0 and the encrypted_data length prefix
    assertThat(Arrays.copyOf(step2.request(), 64)).isEqualTo(Arrays.copyOf(expected, 64));
    assertThat(step2.request()).hasSameSizeAs(expected);
    assertThat(step2.state().newNonce()).isEqualTo(SAMPLE.bytes("new_nonce"));
  }

  @Test
  void unknownFingerprintIsRefused() {
    var step1 = ClientKeyExchange.start(RandomSource.replaying(GRAMMERS.bytes("step1.random")));
    RsaPublicKey production = RsaPublicKey.fromPem(KEYS.raw("production.pem"));
    assertThatThrownBy(() -> ClientKeyExchange.requestDhParams(step1.state(),
        GRAMMERS.bytes("step1.response"), Map.of(production.fingerprint(), production),
        GRAMMERS_OPTIONS, RandomSource.secure()))
        .isInstanceOf(SecurityCheckException.class)
        .hasMessage("unknown fingerprint: none of the server's RSA keys [b25898df208d2603,"
            + " 9692106da14b9f02, c3b42b026ce86b21] is known");
  }

  @Test
  void answerToAnotherNonceIsRefused() {
    var step1 = ClientKeyExchange.start(RandomSource.zeros());
    assertThatThrownBy(() -> ClientKeyExchange.requestDhParams(step1.state(),
        GRAMMERS.bytes("step1.response"), Map.of(TEST_KEY.fingerprint(), TEST_KEY),
        GRAMMERS_OPTIONS, RandomSource.secure()))
        .isInstanceOf(SecurityCheckException.class)
        .hasMessage("resPQ: nonce differs from the one sent");
  }

  @Test
  void tamperedEncryptedAnswerFailsTheHashCheck() {
    var state = new ClientKeyExchange.DhRequested(SAMPLE.bytes("nonce"),
        SAMPLE.bytes("server_nonce"), SAMPLE.bytes("new_nonce"));
    byte[] answer = body("server_DH_params_ok.payload");
    answer[answer.length - 1] ^= 1; // inside the last (padding) block
    answer[200] ^= 1; // inside dh_prime's encryption
    assertThatThrownBy(() -> ClientKeyExchange.setClientDhParams(state, answer,
        RandomSource.secure(), Instant.EPOCH))
        .isInstanceOf(SecurityCheckException.class);
  }

  @Test
  void wrongNewNonceHashInDhGenOkIsRefused() {
    var state = new ClientKeyExchange.DhSent(SAMPLE.bytes("nonce"),
        SAMPLE.bytes("server_nonce"), SAMPLE.bytes("new_nonce"), new byte[256], 0, null);
    assertThatThrownBy(() -> ClientKeyExchange.finish(state, body("dh_gen_ok.payload")))
        .isInstanceOf(SecurityCheckException.class)
        .hasMessage("dh_gen_ok.new_nonce_hash1 mismatch");
  }

  /** grammers' step2 randomness in the order jgram draws it (see the vector file). */
  private static byte[] step2Random() {
    byte[] random = GRAMMERS.bytes("step2.random");
    byte[] newNonce = Arrays.copyOf(random, 32);
    byte[] rsa = Arrays.copyOfRange(random, 32, random.length);
    int dataLength = 4 + 12 + 8 + 8 + 16 + 16 + 32; // p_q_inner_data with 4-byte p and q
    return concat(newNonce, concat(Arrays.copyOf(rsa, 192 - dataLength),
        Arrays.copyOfRange(rsa, 192, 224)));
  }

  private static byte[] body(String payload) {
    byte[] bytes = SAMPLE.bytes(payload);
    return Arrays.copyOfRange(bytes, 20, bytes.length);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
