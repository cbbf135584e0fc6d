package dev.jgram.testdc.services;

import java.util.HexFormat;

/**
 * A 2FA password as the server keeps it: the SRP parameters and the verifier
 * {@code v = g^x mod p}, never the password itself.
 *
 * @param salt1 the KDF's first salt (the client's salt plus the server's 32 random bytes)
 * @param salt2 the KDF's second salt
 * @param g the generator
 * @param p the 2048-bit prime, big-endian
 * @param v the verifier, big-endian, 256 bytes
 */
record PasswordVerifier(byte[] salt1, byte[] salt2, int g, byte[] p, byte[] v) {

  PasswordVerifier {
    salt1 = salt1.clone();
    salt2 = salt2.clone();
    p = p.clone();
    v = v.clone();
  }

  @Override
  public byte[] salt1() {
    return salt1.clone();
  }

  @Override
  public byte[] salt2() {
    return salt2.clone();
  }

  @Override
  public byte[] p() {
    return p.clone();
  }

  @Override
  public byte[] v() {
    return v.clone();
  }

  @Override
  public String toString() {
    return "PasswordVerifier[salt1=" + HexFormat.of().formatHex(salt1) + ", g=" + g
        + ", v=<hidden>]";
  }
}
