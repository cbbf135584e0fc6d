package dev.jgram.mtproto.crypto;

import java.math.BigInteger;

/**
 * Reads RSA keys from PEM.
 *
 * <pre>
 * -----BEGIN RSA PUBLIC KEY-----   PKCS#1: SEQUENCE { INTEGER n, INTEGER e }
 * -----BEGIN RSA PRIVATE KEY-----  PKCS#1: SEQUENCE { INTEGER 0, n, e, d, p, q, dp, dq, qinv }
 * -----BEGIN PRIVATE KEY-----      PKCS#8: SEQUENCE { INTEGER 0,
 *                                    SEQUENCE { OID 1.2.840.113549.1.1.1 (rsaEncryption), NULL },
 *                                    OCTET STRING { the PKCS#1 private key },
 *                                    [0] attributes (optional, skipped) }
 * </pre>
 */
final class PemReader {
  static final String PUBLIC_PKCS1 = "RSA PUBLIC KEY";
  static final String PRIVATE_PKCS1 = "RSA PRIVATE KEY";
  static final String PRIVATE_PKCS8 = "PRIVATE KEY";
  /** OID 1.2.840.113549.1.1.1, rsaEncryption, as DER content bytes. */
  static final byte[] RSA_ENCRYPTION = {0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D,
      0x01, 0x01, 0x01};

  private PemReader() {}

  static RsaPublicKey readRsaPublicKey(String pem) {
    byte[] der = Der.pemBody(pem, PUBLIC_PKCS1);
    Der reader = Der.reader(der, "PKCS#1 public key");
    int end = reader.enter(Der.SEQUENCE);
    BigInteger modulus = reader.integer();
    BigInteger exponent = reader.integer();
    reader.expectEnd(end, "n and e");
    reader.expectEnd(der.length, "the key");
    return new RsaPublicKey(modulus, exponent);
  }

  /** The nine numbers of a private key, from either PEM form, whichever the text holds. */
  static BigInteger[] readRsaPrivateKey(String pem) {
    if (pem.contains("-----BEGIN " + PRIVATE_PKCS1 + "-----")) {
      return pkcs1Private(Der.pemBody(pem, PRIVATE_PKCS1));
    }
    if (pem.contains("-----BEGIN " + PRIVATE_PKCS8 + "-----")) {
      return pkcs1Private(unwrapPkcs8(Der.pemBody(pem, PRIVATE_PKCS8)));
    }
    throw new IllegalArgumentException("PEM text has neither a -----BEGIN RSA PRIVATE KEY-----"
        + " (PKCS#1) nor a -----BEGIN PRIVATE KEY----- (PKCS#8) block");
  }

  private static byte[] unwrapPkcs8(byte[] der) {
    Der reader = Der.reader(der, "PKCS#8 private key");
    reader.enter(Der.SEQUENCE);
    BigInteger version = reader.integer();
    if (version.signum() != 0) {
      throw new IllegalArgumentException("PKCS#8 private key has version " + version
          + "; expected 0");
    }
    int algorithmEnd = reader.enter(Der.SEQUENCE);
    byte[] oid = reader.content(Der.OBJECT_IDENTIFIER);
    if (!java.util.Arrays.equals(oid, RSA_ENCRYPTION)) {
      throw new IllegalArgumentException("PKCS#8 private key is not an RSA key (algorithm OID is"
          + " not 1.2.840.113549.1.1.1)");
    }
    reader.skipTo(algorithmEnd);
    return reader.content(Der.OCTET_STRING);
  }

  private static BigInteger[] pkcs1Private(byte[] der) {
    Der reader = Der.reader(der, "PKCS#1 private key");
    int end = reader.enter(Der.SEQUENCE);
    BigInteger version = reader.integer();
    if (version.signum() != 0) {
      throw new IllegalArgumentException("PKCS#1 private key has version " + version
          + "; expected 0 (two primes)");
    }
    BigInteger[] numbers = new BigInteger[8];
    for (int i = 0; i < numbers.length; i++) {
      numbers[i] = reader.integer();
    }
    reader.expectEnd(end, "the eight numbers n, e, d, p, q, dp, dq, qinv");
    return numbers;
  }
}
