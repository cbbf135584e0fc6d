package dev.jgram.net;

import java.util.Arrays;

/**
 * Removes the 0..15 random bytes padded intermediate adds after a payload. The payload says
 * its own length: a transport error is 4 bytes; a plain message (auth_key_id 0) is 20 bytes
 * plus its message_data_length; an encrypted message is 24 bytes of header plus whole 16-byte
 * AES blocks.
 */
final class Padding {
  private Padding() {}

  static byte[] strip(byte[] payload) {
    if (payload.length <= 4) {
      return payload;
    }
    int length;
    if (payload.length >= 20 && isZero(payload, 0, 8)) {
      int dataLength = (payload[16] & 0xff) | (payload[17] & 0xff) << 8
          | (payload[18] & 0xff) << 16 | (payload[19] & 0xff) << 24;
      length = dataLength >= 0 && 20L + dataLength <= payload.length ? 20 + dataLength
          : payload.length;
    } else if (payload.length >= 24) {
      length = 24 + (payload.length - 24) / 16 * 16;
    } else {
      length = payload.length - payload.length % 4;
    }
    return length == payload.length ? payload : Arrays.copyOf(payload, length);
  }

  private static boolean isZero(byte[] data, int from, int to) {
    for (int i = from; i < to; i++) {
      if (data[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
