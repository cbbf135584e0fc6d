package dev.jgram.testdc.server;

/** Little-endian reads of the ids at the start of an MTProto frame. */
final class FrameIds {
  private FrameIds() {}

  /** The auth_key_id: bytes 0..7, little-endian. */
  static long authKeyId(byte[] frame) {
    return longLe(frame, 0);
  }

  /**
   * A padded-intermediate payload without its 0..15 padding bytes, from the message's own
   * length: a plain message says it at bytes 16..19 (20 + length in all); an encrypted one is
   * 24 bytes plus whole 16-byte blocks.
   */
  static byte[] unpadded(byte[] payload) {
    int length;
    if (payload.length < 24) {
      return payload;
    } else if (authKeyId(payload) == 0) {
      long declared = 20L + ((payload[16] & 0xFF) | (payload[17] & 0xFF) << 8
          | (payload[18] & 0xFF) << 16 | (long) (payload[19] & 0xFF) << 24);
      length = (int) Math.min(declared, payload.length);
    } else {
      length = payload.length - (payload.length - 24) % 16;
    }
    return length == payload.length ? payload : java.util.Arrays.copyOf(payload, length);
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
