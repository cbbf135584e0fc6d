package dev.jgram.mtproto.crypto;

import static dev.jgram.mtproto.Vectors.counting;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.mtproto.Vectors;
import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The key exchange arithmetic of the samples-auth_key worked example, step by step. */
class KeyExchangeKeysTest {
  private static final Vectors SAMPLE = Vectors.load("core-samples-auth_key.txt");
  private static final Vectors GRAMMERS = Vectors.load("grammers-crypto.txt");

  @Test
  void tmpAesKeyAndIvMatchTheSamplePage() {
    AesKeyIv keyIv = KeyExchangeKeys.tmpAesKeyIv(SAMPLE.bytes("new_nonce"),
        SAMPLE.bytes("server_nonce"));
    assertThat(keyIv.key()).isEqualTo(SAMPLE.bytes("tmp_aes_key"));
    assertThat(keyIv.iv()).isEqualTo(SAMPLE.bytes("tmp_aes_iv"));
  }

  @Test
  void tmpAesKeyAndIvMatchGrammers() {
    AesKeyIv keyIv = KeyExchangeKeys.tmpAesKeyIv(counting(32), counting(16));
    assertThat(keyIv.key()).isEqualTo(GRAMMERS.bytes("key_from_nonce.key"));
    assertThat(keyIv.iv()).isEqualTo(GRAMMERS.bytes("key_from_nonce.iv"));
  }

  @Test
  void encryptedAnswerDecryptsToServerDhInnerDataWithItsHash() {
    byte[] payload = SAMPLE.bytes("server_DH_params_ok.payload");
    // 20-byte plain header, 4 id, 16 nonce, 16 server_nonce, then fe 50 02 00 + 592 bytes
    byte[] encryptedAnswer = Arrays.copyOfRange(payload, 60, 60 + 592);
    AesKeyIv keyIv = KeyExchangeKeys.tmpAesKeyIv(SAMPLE.bytes("new_nonce"),
        SAMPLE.bytes("server_nonce"));
    byte[] answerWithHash = AesIge.decrypt(encryptedAnswer, keyIv.key(), keyIv.iv());
    assertThat(answerWithHash).isEqualTo(SAMPLE.bytes("answer_with_hash"));
    byte[] answer = Arrays.copyOfRange(answerWithHash, 20, 20 + 564);
    assertThat(Arrays.copyOf(answerWithHash, 20)).isEqualTo(Hashes.sha1(answer));
    // dh_prime inside is Telegram's well-known prime
    assertThat(new BigInteger(1, Arrays.copyOfRange(answer, 44, 300)))
        .isEqualTo(DhChecks.TELEGRAM_PRIME);
  }

  @Test
  void gbAndAuthKeyFollowFromBAndGa() {
    BigInteger b = new BigInteger(1, SAMPLE.bytes("b"));
    BigInteger ga = new BigInteger(1, SAMPLE.bytes("g_a"));
    BigInteger p = DhChecks.TELEGRAM_PRIME;
    DhChecks.checkPrimeAndGenerator(p, 3);
    DhChecks.checkPublicValue("g_a", ga, p);
    assertThat(BigInteger.valueOf(3).modPow(b, p)).isEqualTo(new BigInteger(1, SAMPLE.bytes("g_b")));
    assertThat(ga.modPow(b, p)).isEqualTo(new BigInteger(1, SAMPLE.bytes("auth_key")));
  }

  @Test
  void clientDhInnerDataEncryptsToTheSampleBytes() {
    byte[] data = SAMPLE.bytes("client_DH_inner_data");
    byte[] withHash = Bytes.concat(Hashes.sha1(data), data,
        SAMPLE.bytes("client_DH_inner_data.padding"));
    AesKeyIv keyIv = KeyExchangeKeys.tmpAesKeyIv(SAMPLE.bytes("new_nonce"),
        SAMPLE.bytes("server_nonce"));
    assertThat(AesIge.encrypt(withHash, keyIv.key(), keyIv.iv()))
        .isEqualTo(SAMPLE.bytes("client_DH_inner_data.encrypted_data"));
  }

  @Test
  void newNonceHash1MatchesTheDhGenOkOfTheSample() {
    assertThat(AuthKeyHashes.newNonceHash(SAMPLE.bytes("auth_key"), SAMPLE.bytes("new_nonce"), 1))
        .isEqualTo(SAMPLE.bytes("new_nonce_hash1"));
  }
}
