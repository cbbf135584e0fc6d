package dev.jgram.mtproto.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgram.mtproto.RandomSource;
import dev.jgram.mtproto.SecurityCheckException;
import dev.jgram.mtproto.Vectors;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RsaTest {
  private static final Vectors KEYS = Vectors.load("telegram-keys.txt");
  private static final Vectors GRAMMERS = Vectors.load("grammers-rsa.txt");
  private static final BigInteger E = BigInteger.valueOf(65537);
  private static KeyPair pair;

  @BeforeAll
  static void generateKeyPair() throws NoSuchAlgorithmException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048, new java.security.SecureRandom(new byte[] {1, 2, 3}));
    pair = generator.generateKeyPair();
  }

  @Test
  void productionPemParsesToGrammersModulusAndKnownFingerprint() {
    RsaPublicKey key = RsaPublicKey.fromPem(KEYS.raw("production.pem"));
    assertThat(key.modulus()).isEqualTo(new BigInteger(GRAMMERS.text("production_key.n")));
    assertThat(key.exponent()).isEqualTo(E);
    assertThat(key.fingerprint()).isEqualTo(0xd09d1d85de64fd85L).isEqualTo(-3414540481677951611L);
  }

  @Test
  void testDcPemParsesToGrammersModulusAndKnownFingerprint() {
    RsaPublicKey key = RsaPublicKey.fromPem(KEYS.raw("test.pem"));
    assertThat(key.modulus()).isEqualTo(new BigInteger(GRAMMERS.text("test_key.n")));
    assertThat(key.fingerprint()).isEqualTo(0xb25898df208d2603L).isEqualTo(-5595554452916591101L);
  }

  @Test
  void pemWithoutTheRsaPublicKeyBlockIsRejected() {
    assertThatThrownBy(() -> RsaPublicKey.fromPem("-----BEGIN PUBLIC KEY-----\nAA==\n"))
        .hasMessageContaining("no -----BEGIN RSA PUBLIC KEY-----");
  }

  // Both grammers vectors share data, padding and a first temp_key that gives
  // key_aes_encrypted >= n, so RSA_PAD must retry with a second temp_key.
  @Test
  void rsaPadRetriesWithTheNextTempKeyLikeGrammers() {
    byte[] random = GRAMMERS.bytes("rsa_pad.256.random");
    byte[] replay = concat(padding(random), Arrays.copyOfRange(random, 192, 256));
    assertThat(RsaPad.encrypt(GRAMMERS.bytes("rsa_pad.data"), testKey(),
        RandomSource.replaying(replay))).isEqualTo(GRAMMERS.bytes("rsa_pad.256.expected"));
  }

  @Test
  void rsaPadMatchesGrammersWhoseRetryIncrementsTheTempKey() {
    byte[] random = GRAMMERS.bytes("rsa_pad.224.random");
    byte[] tempKey = Arrays.copyOfRange(random, 192, 224);
    byte[] incremented = Bytes.unsignedBigEndian(
        new BigInteger(1, tempKey).add(BigInteger.ONE), 32);
    byte[] replay = concat(padding(random), tempKey, incremented);
    assertThat(RsaPad.encrypt(GRAMMERS.bytes("rsa_pad.data"), testKey(),
        RandomSource.replaying(replay))).isEqualTo(GRAMMERS.bytes("rsa_pad.224.expected"));
  }

  @Test
  void rsaPadDrawsPaddingThenTempKeysInOrder() {
    byte[] random = GRAMMERS.bytes("rsa_pad.256.random");
    byte[] onlyFirstKey = concat(padding(random), Arrays.copyOfRange(random, 192, 224));
    assertThatThrownBy(() -> RsaPad.encrypt(GRAMMERS.bytes("rsa_pad.data"), testKey(),
        RandomSource.replaying(onlyFirstKey)))
        .hasMessage("replayed randomness exhausted: asked for 32 bytes, 0 left");
  }

  /** grammers takes the padding from the front of its random bytes. */
  private static byte[] padding(byte[] random) {
    return Arrays.copyOf(random, 192 - GRAMMERS.bytes("rsa_pad.data").length);
  }

  private static RsaPublicKey testKey() {
    return new RsaPublicKey(new BigInteger(GRAMMERS.text("test_key.n")), E);
  }

  static Stream<Integer> seeds() {
    return IntStream.range(0, 20).boxed();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void rsaPadDecryptsBackWithThePrivateKey(int seed) {
    Random random = new Random(seed);
    byte[] data = new byte[random.nextInt(RsaPad.MAX_DATA + 1)];
    random.nextBytes(data);
    byte[] encrypted = RsaPad.encrypt(data, publicKey(), random::nextBytes);
    byte[] withPadding = RsaPad.decrypt(encrypted, (RSAPrivateKey) pair.getPrivate());
    assertThat(withPadding).hasSize(192);
    assertThat(Arrays.copyOf(withPadding, data.length)).isEqualTo(data);
  }

  @Test
  void tamperedRsaPadCiphertextFailsTheHashCheck() {
    byte[] encrypted = RsaPad.encrypt(new byte[40], publicKey(), RandomSource.secure());
    encrypted[200] ^= 1;
    assertThatThrownBy(() -> RsaPad.decrypt(encrypted, (RSAPrivateKey) pair.getPrivate()))
        .isInstanceOf(SecurityCheckException.class)
        .hasMessage("RSA_PAD hash mismatch: SHA256(temp_key + data_with_padding) differs");
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void sha1PaddedRsaDecryptsBackWithThePrivateKey(int seed) {
    Random random = new Random(seed);
    byte[] data = new byte[random.nextInt(RsaSha1Pad.MAX_DATA + 1)];
    random.nextBytes(data);
    byte[] encrypted = RsaSha1Pad.encrypt(data, publicKey(), random::nextBytes);
    byte[] decrypted = RsaSha1Pad.decrypt(encrypted, (RSAPrivateKey) pair.getPrivate());
    assertThat(RsaSha1Pad.checkHash(decrypted, data.length)).isEqualTo(data);
  }

  @Test
  void sha1PaddedRsaWithWrongLengthFailsTheHashCheck() {
    byte[] encrypted = RsaSha1Pad.encrypt(new byte[100], publicKey(), RandomSource.secure());
    byte[] decrypted = RsaSha1Pad.decrypt(encrypted, (RSAPrivateKey) pair.getPrivate());
    assertThatThrownBy(() -> RsaSha1Pad.checkHash(decrypted, 96))
        .isInstanceOf(SecurityCheckException.class)
        .hasMessage("SHA-1 padded RSA data hash mismatch");
  }

  @Test
  void sha1PaddedRsaLayoutIsHashDataPadding() {
    byte[] data = {1, 2, 3, 4};
    RsaPublicKey key = publicKey();
    byte[] encrypted = RsaSha1Pad.encrypt(data, key, RandomSource.zeros());
    byte[] expected = concat(Hashes.sha1(data), data, new byte[255 - 24]);
    assertThat(encrypted).isEqualTo(key.encryptRaw(new BigInteger(1, expected)));
  }

  private static RsaPublicKey publicKey() {
    RSAPublicKey key = (RSAPublicKey) pair.getPublic();
    return new RsaPublicKey(key.getModulus(), key.getPublicExponent());
  }

  private static byte[] concat(byte[]... parts) {
    return Bytes.concat(parts);
  }
}
