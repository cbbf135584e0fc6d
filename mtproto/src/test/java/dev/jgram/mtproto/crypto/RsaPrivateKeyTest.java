package dev.jgram.mtproto.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgram.mtproto.RandomSource;
import dev.jgram.mtproto.SecurityCheckException;
import dev.jgram.mtproto.Vectors;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Reading, writing and using a data centre's RSA private key. */
class RsaPrivateKeyTest {
  private static final Vectors OPENSSL = Vectors.load("openssl-rsa-key.txt");
  private static final RsaPrivateKey KEY = RsaPrivateKey.fromPem(OPENSSL.raw("pkcs1.pem"));

  @Test
  void pkcs1AndPkcs8PemOfTheSameKeyReadAlike() {
    RsaPrivateKey pkcs8 = RsaPrivateKey.fromPem(OPENSSL.raw("pkcs8.pem"));
    assertThat(pkcs8.publicKey()).isEqualTo(KEY.publicKey());
    assertThat(pkcs8.privateKeyPem()).isEqualTo(KEY.privateKeyPem());
  }

  @Test
  void publicHalfIsWrittenAsOpenSslWritesPkcs1() {
    assertThat(KEY.publicKeyPem().strip()).isEqualTo(OPENSSL.raw("public.pem").strip());
    assertThat(RsaPublicKey.fromPem(KEY.publicKeyPem())).isEqualTo(KEY.publicKey());
  }

  @Test
  void fingerprintMatchesAnIndependentComputation() {
    assertThat(KEY.fingerprintHex()).isEqualTo(OPENSSL.text("fingerprint.wire"));
    assertThat(KEY.fingerprint()).isEqualTo(0xb1f022591e94c08eL);
  }

  @Test
  void privateKeyPemReadsBackToTheSameKey() {
    String pem = KEY.privateKeyPem();
    assertThat(pem).startsWith("-----BEGIN RSA PRIVATE KEY-----\n");
    RsaPrivateKey again = RsaPrivateKey.fromPem(pem);
    byte[] message = new byte[256];
    new Random(3).nextBytes(message);
    message[0] = 0;
    byte[] encrypted = KEY.publicKey().encryptRaw(new BigInteger(1, message));
    assertThat(again.decrypt(encrypted)).isEqualTo(message);
  }

  @Test
  void decryptionInvertsRawEncryptionIncludingLeadingZeros() {
    Random random = new Random(8);
    for (int i = 0; i < 20; i++) {
      byte[] message = new byte[256];
      random.nextBytes(message);
      Arrays.fill(message, 0, 1 + random.nextInt(3), (byte) 0);
      assertThat(KEY.decrypt(KEY.publicKey().encryptRaw(new BigInteger(1, message))))
          .isEqualTo(message);
    }
  }

  @Test
  void ciphertextNotBelowTheModulusIsRefused() {
    byte[] tooBig = Bytes.unsignedBigEndian(KEY.publicKey().modulus(), 256);
    assertThatThrownBy(() -> KEY.decrypt(tooBig))
        .isInstanceOf(SecurityCheckException.class)
        .hasMessage("RSA ciphertext of 256 bytes is not smaller than the 2048-bit modulus");
  }

  @Test
  void bothPaddingsDecryptWithTheParsedKey() {
    byte[] data = new byte[100];
    new Random(5).nextBytes(data);
    RandomSource random = RandomSource.secure();
    byte[] padded = RsaPad.decrypt(RsaPad.encrypt(data, KEY.publicKey(), random), KEY);
    assertThat(Arrays.copyOf(padded, 100)).isEqualTo(data);
    byte[] raw = RsaSha1Pad.decrypt(RsaSha1Pad.encrypt(data, KEY.publicKey(), random), KEY);
    assertThat(RsaSha1Pad.checkHash(raw, 100)).isEqualTo(data);
  }

  @Test
  void generatedKeyHas2048BitsExponent65537AndANonZeroTopNibbleWhenAsked() {
    RsaPrivateKey generated = RsaPrivateKey.generate(new SecureRandom(), true);
    assertThat(generated.publicKey().modulus().bitLength()).isEqualTo(2048);
    assertThat(generated.publicKey().exponent()).isEqualTo(BigInteger.valueOf(65537));
    assertThat(generated.fingerprint() >>> 60).isNotZero();
    assertThat(Long.toUnsignedString(generated.fingerprint(), 16)).hasSize(16);
  }

  @Test
  void toStringShowsOnlyTheFingerprint() {
    assertThat(KEY.toString()).isEqualTo("RsaPrivateKey[fingerprint=b1f022591e94c08e]");
  }

  @Test
  void pemWithoutAPrivateKeyBlockIsRefused() {
    assertThatThrownBy(() -> RsaPrivateKey.fromPem(OPENSSL.raw("public.pem")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("neither a -----BEGIN RSA PRIVATE KEY----- (PKCS#1) nor a"
            + " -----BEGIN PRIVATE KEY----- (PKCS#8) block");
  }

  @Test
  void inconsistentKeyIsRefused() {
    String pem = OPENSSL.raw("pkcs1.pem");
    byte[] der = java.util.Base64.getMimeDecoder().decode(pem
        .replace("-----BEGIN RSA PRIVATE KEY-----", "").replace("-----END RSA PRIVATE KEY-----",
            ""));
    der[20] ^= 1; // inside the modulus
    String broken = "-----BEGIN RSA PRIVATE KEY-----\n"
        + java.util.Base64.getMimeEncoder().encodeToString(der)
        + "\n-----END RSA PRIVATE KEY-----\n";
    assertThatThrownBy(() -> RsaPrivateKey.fromPem(broken))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("RSA private key is inconsistent: n is not p * q");
  }
}
