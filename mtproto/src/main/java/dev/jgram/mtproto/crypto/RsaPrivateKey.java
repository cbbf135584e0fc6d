package dev.jgram.mtproto.crypto;

import dev.jgram.mtproto.SecurityCheckException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.util.HexFormat;
import javax.crypto.Cipher;

/**
 * A data centre's RSA private key: what decrypts the client's {@code p_q_inner_data}.
 *
 * <p>Reads PKCS#1 ({@code -----BEGIN RSA PRIVATE KEY-----}) and PKCS#8
 * ({@code -----BEGIN PRIVATE KEY-----}) PEM, generates 2048-bit keys with e = 65537, and
 * prints the public half as the PKCS#1 PEM every MTProto client reads. Raw decryption runs on
 * the JDK's {@code RSA/ECB/NoPadding} cipher, which uses the CRT numbers and blinding.
 *
 * <p>The fingerprint is the public key's ({@link RsaPublicKey#fingerprint()}); some clients
 * print it as unsigned hex without leading zeros and then cannot find a key whose top hex digit
 * is 0 (mtcute 0.30), so {@link #generate(SecureRandom, boolean)} can insist on a non-zero one.
 *
 * <p>The private numbers never leave this object except through {@link #privateKeyPem()};
 * {@link #toString()} shows only the fingerprint.
 */
public final class RsaPrivateKey {
  private static final BigInteger F4 = BigInteger.valueOf(65537);

  private final RsaPublicKey publicKey;
  private final RSAPrivateCrtKey jdkKey;

  private RsaPrivateKey(BigInteger[] numbers) {
    BigInteger n = numbers[0];
    if (n.signum() <= 0 || !n.equals(numbers[3].multiply(numbers[4]))) {
      throw new IllegalArgumentException("RSA private key is inconsistent: n is not p * q");
    }
    this.publicKey = new RsaPublicKey(n, numbers[1]);
    try {
      this.jdkKey = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(
          new RSAPrivateCrtKeySpec(n, numbers[1], numbers[2], numbers[3], numbers[4], numbers[5],
              numbers[6], numbers[7]));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("RSA private key rejected by the JDK", e);
    }
  }

  /**
   * Reads a PKCS#1 or PKCS#8 PEM private key; the first such block in {@code pem} is used.
   *
   * @throws IllegalArgumentException naming the block or DER element that is wrong
   */
  public static RsaPrivateKey fromPem(String pem) {
    return new RsaPrivateKey(PemReader.readRsaPrivateKey(pem));
  }

  /** A fresh 2048-bit key with e = 65537 from a {@link SecureRandom}. */
  public static RsaPrivateKey generate() {
    return generate(new SecureRandom(), false);
  }

  /**
   * A fresh 2048-bit key with e = 65537.
   *
   * @param random the source of the primes
   * @param nonZeroTopNibble if true, keys are drawn until the fingerprint's top hex digit
   *     (of the unsigned 64-bit value) is not 0, as mtcute needs; about one key in 16 is redrawn
   */
  public static RsaPrivateKey generate(SecureRandom random, boolean nonZeroTopNibble) {
    while (true) {
      RsaPrivateKey key = new RsaPrivateKey(numbers(generateJdkKey(random)));
      if (!nonZeroTopNibble || key.fingerprint() >>> 60 != 0) {
        return key;
      }
    }
  }

  private static RSAPrivateCrtKey generateJdkKey(SecureRandom random) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(new RSAKeyGenParameterSpec(2048, F4), random);
      return (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA key generation is unavailable in this JDK", e);
    }
  }

  private static BigInteger[] numbers(RSAPrivateCrtKey key) {
    return new BigInteger[] {key.getModulus(), key.getPublicExponent(), key.getPrivateExponent(),
        key.getPrimeP(), key.getPrimeQ(), key.getPrimeExponentP(), key.getPrimeExponentQ(),
        key.getCrtCoefficient()};
  }

  /** The public half. */
  public RsaPublicKey publicKey() {
    return publicKey;
  }

  /** The fingerprint as the signed long {@code resPQ} and {@code req_DH_params} carry. */
  public long fingerprint() {
    return publicKey.fingerprint();
  }

  /** The fingerprint's 8 wire bytes (little-endian) in lower-case hex, e.g. "85fd64de851d9dd0". */
  public String fingerprintHex() {
    return publicKey.fingerprintWireHex();
  }

  /** The public half as PKCS#1 PEM ({@code -----BEGIN RSA PUBLIC KEY-----}). */
  public String publicKeyPem() {
    return publicKey.toPem();
  }

  /** The whole key as PKCS#1 PEM ({@code -----BEGIN RSA PRIVATE KEY-----}); a secret. */
  public String privateKeyPem() {
    byte[] der = Der.sequence(Der.integer(BigInteger.ZERO), Der.integer(jdkKey.getModulus()),
        Der.integer(jdkKey.getPublicExponent()), Der.integer(jdkKey.getPrivateExponent()),
        Der.integer(jdkKey.getPrimeP()), Der.integer(jdkKey.getPrimeQ()),
        Der.integer(jdkKey.getPrimeExponentP()), Der.integer(jdkKey.getPrimeExponentQ()),
        Der.integer(jdkKey.getCrtCoefficient()));
    return Der.pem(PemReader.PRIVATE_PKCS1, der);
  }

  /**
   * Raw RSA decryption: {@code encrypted^d mod n} as exactly the modulus' byte length.
   *
   * @throws SecurityCheckException if the input is longer than the modulus or not below it
   */
  public byte[] decrypt(byte[] encrypted) {
    int size = publicKey.byteLength();
    if (encrypted.length > size || Bytes.unsigned(encrypted).compareTo(publicKey.modulus()) >= 0) {
      throw new SecurityCheckException("RSA ciphertext of " + encrypted.length + " bytes is not"
          + " smaller than the " + (size * 8) + "-bit modulus");
    }
    try {
      Cipher cipher = Cipher.getInstance("RSA/ECB/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, jdkKey);
      return Bytes.unsignedBigEndian(Bytes.unsigned(cipher.doFinal(encrypted)), size);
    } catch (GeneralSecurityException e) {
      throw new SecurityCheckException("RSA decryption failed: " + e.getMessage());
    }
  }

  @Override
  public String toString() {
    return "RsaPrivateKey[fingerprint=" + HexFormat.of().toHexDigits(fingerprint()) + "]";
  }
}
