package dev.jgram.mtproto.auth;

import java.math.BigInteger;

/** Number and byte helpers shared by both halves of the key exchange. */
final class Numbers {
  private Numbers() {}

  /**
   * The big-endian magnitude of {@code value}, left-padded with zeros to {@code length} bytes
   * (0: no padding and no leading zeros). An auth key is always padded to 256: about one DH
   * result in 256 starts with a zero byte, and dropping it gives a wrong key id.
   */
  static byte[] toBytes(BigInteger value, int length) {
    byte[] raw = value.toByteArray();
    int skip = raw.length > 1 && raw[0] == 0 ? 1 : 0;
    int size = raw.length - skip;
    if (length != 0 && size > length) {
      throw new IllegalArgumentException("value needs " + size + " bytes; expected at most "
          + length);
    }
    byte[] out = new byte[Math.max(length, size)];
    System.arraycopy(raw, skip, out, out.length - size, size);
    return out;
  }

  /** The shortest big-endian bytes of a positive long, as pq, p and q travel. */
  static byte[] minimal(long value) {
    return toBytes(BigInteger.valueOf(value), 0);
  }

  /** Reads 8 bytes at {@code offset} as a little-endian long, as TL reads a long. */
  static long littleEndianLong(byte[] data, int offset) {
    long value = 0;
    for (int i = 7; i >= 0; i--) {
      value = (value << 8) | (data[offset + i] & 0xFF);
    }
    return value;
  }

  /** Reads the first 4 bytes as a little-endian int: a TL body's constructor id. */
  static int constructorId(byte[] body) {
    return (body[0] & 0xFF) | (body[1] & 0xFF) << 8 | (body[2] & 0xFF) << 16
        | (body[3] & 0xFF) << 24;
  }
}
