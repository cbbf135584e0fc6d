package dev.jgram.testdc.server;

/** Little-endian reads of the ids at the start of an MTProto frame. */
final class FrameIds {
  private FrameIds() {}

  /** The auth_key_id: bytes 0..7, little-endian. */
  static long authKeyId(byte[] frame) {
    return longLe(frame, 0);
  }

  /** A little-endian long at {@code offset}. */
  static long longLe(byte[] data, int offset) {
    long value = 0;
    for (int i = 7; i >= 0; i--) {
      value = value << 8 | (data[offset + i] & 0xFF);
    }
    return value;
  }
}
