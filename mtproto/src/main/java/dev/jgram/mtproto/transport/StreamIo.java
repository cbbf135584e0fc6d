package dev.jgram.mtproto.transport;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** Exact reads and little-endian ints over streams. */
final class StreamIo {
  private StreamIo() {}

  static byte[] readExactly(InputStream in, int length) throws IOException {
    byte[] out = in.readNBytes(length);
    if (out.length != length) {
      throw new EOFException("stream ended after " + out.length + " of " + length + " bytes");
    }
    return out;
  }

  static int readIntLe(InputStream in) throws IOException {
    return intLe(readExactly(in, 4), 0);
  }

  static int intLe(byte[] data, int offset) {
    return (data[offset] & 0xFF) | (data[offset + 1] & 0xFF) << 8
        | (data[offset + 2] & 0xFF) << 16 | (data[offset + 3] & 0xFF) << 24;
  }

  static byte[] intLe(int value) {
    return new byte[] {(byte) value, (byte) (value >> 8), (byte) (value >> 16),
        (byte) (value >> 24)};
  }

  static void requireMultipleOfFour(byte[] payload) {
    if (payload.length % 4 != 0) {
      throw new IllegalArgumentException("payload is " + payload.length
          + " bytes; MTProto transports need a multiple of 4");
    }
  }

  /** A length read from the wire, checked before anything is allocated for it. */
  static int checkLength(int length, String transport) {
    if (length < 0 || length > MAX_FRAME) {
      throw new TransportException(transport + " frame length " + length
          + " outside 0.." + MAX_FRAME);
    }
    return length;
  }

  static final int MAX_FRAME = 16 * 1024 * 1024;
}
