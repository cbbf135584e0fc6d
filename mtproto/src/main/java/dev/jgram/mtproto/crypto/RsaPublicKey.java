package dev.jgram.mtproto.crypto;

import java.math.BigInteger;

/**
 * A server RSA public key (modulus n, exponent e) with its MTProto fingerprint.
 *
 * <p>The fingerprint is the lower 64 bits of SHA1(n_bytes + e_bytes), where each number is
 * TL-serialised as {@code bytes} (big-endian magnitude without leading zeros, with the TL
 * length prefix and padding). "Lower 64 bits" are digest bytes 12..19 read little-endian,
 * which is how the 8 bytes appear in {@code resPQ.server_public_key_fingerprints}.
 *
 * @param modulus n
 * @param exponent e
 */
public record RsaPublicKey(BigInteger modulus, BigInteger exponent) {

  /** Checks both numbers are positive. */
  public RsaPublicKey {
    if (modulus.signum() <= 0 || exponent.signum() <= 0) {
      throw new IllegalArgumentException("RSA modulus and exponent must be positive");
    }
  }

  /** Reads a PKCS#1 {@code -----BEGIN RSA PUBLIC KEY-----} PEM block. */
  public static RsaPublicKey fromPem(String pem) {
    return PemReader.readRsaPublicKey(pem);
  }

  /** The key's fingerprint, as the signed long the TL {@code long} type carries. */
  public long fingerprint() {
    byte[] sha = Hashes.sha1(tlBytes(Bytes.unsignedBigEndian(modulus)),
        tlBytes(Bytes.unsignedBigEndian(exponent)));
    return Bytes.littleEndianLong(sha, 12);
  }

  /** The fingerprint's 8 wire bytes (little-endian, as resPQ carries them) in lower-case hex. */
  public String fingerprintWireHex() {
    byte[] wire = new byte[8];
    long value = fingerprint();
    for (int i = 0; i < 8; i++) {
      wire[i] = (byte) (value >>> (8 * i));
    }
    return java.util.HexFormat.of().formatHex(wire);
  }

  /** The key as PKCS#1 PEM ({@code -----BEGIN RSA PUBLIC KEY-----}), which every client reads. */
  public String toPem() {
    return Der.pem(PemReader.PUBLIC_PKCS1, Der.sequence(Der.integer(modulus),
        Der.integer(exponent)));
  }

  /** Raw RSA: {@code value^e mod n} as exactly the modulus' byte length, big-endian. */
  byte[] encryptRaw(BigInteger value) {
    if (value.compareTo(modulus) >= 0) {
      throw new IllegalArgumentException("RSA input is not smaller than the modulus");
    }
    return Bytes.unsignedBigEndian(value.modPow(exponent, modulus), byteLength());
  }

  int byteLength() {
    return (modulus.bitLength() + 7) / 8;
  }

  /** TL {@code bytes} serialisation, kept here so the crypto package stands alone. */
  private static byte[] tlBytes(byte[] data) {
    int header = data.length < 254 ? 1 : 4;
    int total = header + data.length;
    byte[] out = new byte[total + Math.floorMod(-total, 4)];
    if (header == 1) {
      out[0] = (byte) data.length;
    } else {
      out[0] = (byte) 254;
      out[1] = (byte) data.length;
      out[2] = (byte) (data.length >>> 8);
      out[3] = (byte) (data.length >>> 16);
    }
    System.arraycopy(data, 0, out, header, data.length);
    return out;
  }
}
