package dev.jgram.mtproto.crypto;

import java.math.BigInteger;
import java.util.Base64;

/**
 * Reads a PKCS#1 RSA public key from PEM:
 *
 * <pre>
 * -----BEGIN RSA PUBLIC KEY-----
 * base64 of DER: SEQUENCE { INTEGER modulus, INTEGER publicExponent }
 * -----END RSA PUBLIC KEY-----
 * </pre>
 *
 * <p>DER here: tag byte, then a length (one byte below 0x80, or 0x8N followed by N bytes,
 * big-endian), then the content. Only the two tags used are accepted: 0x30 and 0x02.
 */
final class PemReader {
  private static final String BEGIN = "-----BEGIN RSA PUBLIC KEY-----";
  private static final String END = "-----END RSA PUBLIC KEY-----";

  private final byte[] der;
  private int at;

  private PemReader(byte[] der) {
    this.der = der;
  }

  static RsaPublicKey readRsaPublicKey(String pem) {
    String text = pem.strip();
    int begin = text.indexOf(BEGIN);
    int end = text.indexOf(END);
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException("PEM text has no " + BEGIN + " ... " + END + " block");
    }
    String body = text.substring(begin + BEGIN.length(), end).replaceAll("\\s", "");
    byte[] der;
    try {
      der = Base64.getDecoder().decode(body);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("PEM body is not valid base64", e);
    }
    PemReader reader = new PemReader(der);
    int sequenceEnd = reader.enter(0x30);
    BigInteger modulus = reader.integer();
    BigInteger exponent = reader.integer();
    if (reader.at != sequenceEnd || sequenceEnd != der.length) {
      throw new IllegalArgumentException("PKCS#1 key has trailing bytes after n and e");
    }
    return new RsaPublicKey(modulus, exponent);
  }

  private int enter(int tag) {
    if (at >= der.length || (der[at] & 0xFF) != tag) {
      throw new IllegalArgumentException(String.format(
          "DER tag at offset %d is not 0x%02x as PKCS#1 expects", at, tag));
    }
    at++;
    int length = der[at++] & 0xFF;
    if (length >= 0x80) {
      int count = length & 0x7F;
      if (count == 0 || count > 3) {
        throw new IllegalArgumentException("DER length of " + count + " bytes is unsupported");
      }
      length = 0;
      for (int i = 0; i < count; i++) {
        length = (length << 8) | (der[at++] & 0xFF);
      }
    }
    if (at + length > der.length) {
      throw new IllegalArgumentException("DER element at offset " + at + " runs past the end");
    }
    return at + length;
  }

  private BigInteger integer() {
    int end = enter(0x02);
    byte[] content = new byte[end - at];
    System.arraycopy(der, at, content, 0, content.length);
    at = end;
    return new BigInteger(content);
  }
}
