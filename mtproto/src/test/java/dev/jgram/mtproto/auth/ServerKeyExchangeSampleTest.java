package dev.jgram.mtproto.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.mtproto.RandomSource;
import dev.jgram.mtproto.Vectors;
import dev.jgram.mtproto.crypto.AesIge;
import dev.jgram.mtproto.crypto.AesKeyIv;
import dev.jgram.mtproto.crypto.Hashes;
import dev.jgram.mtproto.crypto.KeyExchangeKeys;
import dev.jgram.mtproto.tl.TlCodec;
import dev.jgram.mtproto.tl.TlObject;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The server half reproduces core.telegram.org/mtproto/samples-auth_key from the server side,
 * for everything that does not need Telegram's private key or the server's secret a.
 */
class ServerKeyExchangeSampleTest {
  private static final Vectors SAMPLE = Vectors.load("core-samples-auth_key.txt");
  private static final TlCodec CODEC = TlCodec.jgram();

  @Test
  void reEncryptingTheSamplesServerDhInnerDataGivesItsEncryptedAnswerByteForByte() {
    byte[] withHash = SAMPLE.bytes("answer_with_hash");
    byte[] inner = Arrays.copyOfRange(withHash, 20, 20 + 564);
    byte[] padding = Arrays.copyOfRange(withHash, 584, withHash.length);
    byte[] answer = ServerSteps.dhParamsOk(SAMPLE.bytes("nonce"), SAMPLE.bytes("server_nonce"),
        SAMPLE.bytes("new_nonce"), inner, padding);
    assertThat(answer).isEqualTo(body("server_DH_params_ok.payload"));
    assertThat(Arrays.copyOf(withHash, 20)).isEqualTo(Hashes.sha1(inner));
    TlObject decoded = CODEC.decode(inner);
    assertThat(decoded.intValue("server_time")).isEqualTo(0x65C53D51);
    assertThat(decoded.intValue("g")).isEqualTo(3);
  }

  @Test
  void dhGenOkFromTheSamplesKeyCarriesThePublishedNewNonceHash1() {
    byte[] answer = ServerFinish.dhGenAnswer(1, SAMPLE.bytes("nonce"),
        SAMPLE.bytes("server_nonce"), SAMPLE.bytes("new_nonce"), SAMPLE.bytes("auth_key"));
    assertThat(answer).isEqualTo(body("dh_gen_ok.payload"));
    assertThat(CODEC.decode(answer).get("new_nonce_hash1"))
        .isEqualTo(SAMPLE.bytes("new_nonce_hash1"));
  }

  @Test
  void theServerReadsTheSamplesClientDhInnerData() {
    AesKeyIv tmp = KeyExchangeKeys.tmpAesKeyIv(SAMPLE.bytes("new_nonce"),
        SAMPLE.bytes("server_nonce"));
    assertThat(tmp.key()).isEqualTo(SAMPLE.bytes("tmp_aes_key"));
    byte[] request = body("set_client_DH_params.payload");
    byte[] encrypted = (byte[]) CODEC.decode(request).get("encrypted_data");
    TlObject inner = ServerFinish.decryptClientInner(encrypted, tmp);
    assertThat(inner.get("g_b")).isEqualTo(SAMPLE.bytes("g_b"));
    assertThat(inner.longValue("retry_id")).isZero();
    assertThat(CODEC.encode(inner)).isEqualTo(SAMPLE.bytes("client_DH_inner_data"));
  }

  @Test
  void resPqWithTheSamplesNoncesAndPqMatchesThePageUpToTheFingerprints() {
    byte[] expected = body("resPQ.payload");
    var options = ServerKeyExchangeOptions.of(2, List.of(InMemoryExchange.KEY))
        .withFixedPq(0x256595EDB7766797L)
        .withRandom(RandomSource.replaying(SAMPLE.bytes("server_nonce")))
        .withClock(Clock.fixed(Instant.ofEpochSecond(1707425104), ZoneOffset.UTC));
    var step = ServerKeyExchange.answer(options, ServerKeyExchange.initial(),
        body("req_pq_multi.payload"), id -> false);
    // id, nonce, server_nonce, pq (12 bytes as TL bytes), the vector id
    int prefix = 4 + 16 + 16 + 12 + 4;
    assertThat(Arrays.copyOf(step.answer(), prefix)).isEqualTo(Arrays.copyOf(expected, prefix));
    TlObject resPq = CODEC.decode(step.answer());
    assertThat(resPq.<Long>list("server_public_key_fingerprints"))
        .containsExactly(InMemoryExchange.KEY.fingerprint());
    assertThat(new BigInteger(1, (byte[]) resPq.get("pq")).longValue())
        .isEqualTo(1513098571L * 1780931429L);
  }

  @Test
  void theSamplesEncryptedAnswerDecryptsToTheSamplesAnswerWithHash() {
    AesKeyIv tmp = KeyExchangeKeys.tmpAesKeyIv(SAMPLE.bytes("new_nonce"),
        SAMPLE.bytes("server_nonce"));
    byte[] encrypted = (byte[]) CODEC.decode(body("server_DH_params_ok.payload"))
        .get("encrypted_answer");
    assertThat(AesIge.decrypt(encrypted, tmp.key(), tmp.iv()))
        .isEqualTo(SAMPLE.bytes("answer_with_hash"));
  }

  private static byte[] body(String payload) {
    byte[] bytes = SAMPLE.bytes(payload);
    return Arrays.copyOfRange(bytes, 20, bytes.length);
  }
}
