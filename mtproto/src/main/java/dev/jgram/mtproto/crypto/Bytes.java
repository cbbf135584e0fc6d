package dev.jgram.mtproto.crypto;

import java.math.BigInteger;
import java.util.Arrays;

/** Small byte-array helpers shared by the crypto classes. */
final class Bytes {
  private Bytes() {}

  static byte[] slice(byte[] data, int from, int length) {
    return Arrays.copyOfRange(data, from, from + length);
  }

  static byte[] concat(byte[]... parts) {
    int total = 0;
    for (byte[] part : parts) {
      total += part.length;
    }
    byte[] out = new byte[total];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, out, at, part.length);
      at += part.length;
    }
    return out;
  }

  static byte[] xor(byte[] a, byte[] b) {
    byte[] out = new byte[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = (byte) (a[i] ^ b[i]);
    }
    return out;
  }

  static byte[] reversed(byte[] data) {
    byte[] out = new byte[data.length];
    for (int i = 0; i < data.length; i++) {
      out[i] = data[data.length - 1 - i];
    }
    return out;
  }

  /** Reads 4 bytes at {@code offset} as a little-endian int. */
  static int littleEndianInt(byte[] data, int offset) {
    return (data[offset] & 0xFF) | (data[offset + 1] & 0xFF) << 8
        | (data[offset + 2] & 0xFF) << 16 | (data[offset + 3] & 0xFF) << 24;
  }

  /** Reads 8 bytes at {@code offset} as a little-endian long. */
  static long littleEndianLong(byte[] data, int offset) {
    long value = 0;
    for (int i = 7; i >= 0; i--) {
      value = (value << 8) | (data[offset + i] & 0xFF);
    }
    return value;
  }

  /** The unsigned big-endian magnitude of {@code value} in exactly {@code length} bytes. */
  static byte[] unsignedBigEndian(BigInteger value, int length) {
    byte[] raw = value.toByteArray();
    if (raw.length == length) {
      return raw;
    }
    byte[] out = new byte[length];
    if (raw.length > length) {
      int skip = raw.length - length;
      for (int i = 0; i < skip; i++) {
        if (raw[i] != 0) {
          throw new IllegalArgumentException(
              "value needs " + raw.length + " bytes; expected at most " + length);
        }
      }
      System.arraycopy(raw, skip, out, 0, length);
    } else {
      System.arraycopy(raw, 0, out, length - raw.length, raw.length);
    }
    return out;
  }

  /** The unsigned big-endian magnitude of {@code value} without leading zero bytes. */
  static byte[] unsignedBigEndian(BigInteger value) {
    int length = Math.max(1, (value.bitLength() + 7) / 8);
    return unsignedBigEndian(value, length);
  }

  static BigInteger unsigned(byte[] bigEndian) {
    return new BigInteger(1, bigEndian);
  }
}
