package dev.jgram.mtproto;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Where the MTProto layer takes its random bytes from. Production code uses {@link #secure()};
 * tests and transcript replays inject {@link #replaying(byte[])} so that every nonce, padding
 * and exponent is fixed and each message can be compared byte for byte.
 */
@FunctionalInterface
public interface RandomSource {

  /** Fills {@code out} with random bytes. */
  void nextBytes(byte[] out);

  /** Returns {@code n} fresh random bytes. */
  default byte[] bytes(int n) {
    byte[] out = new byte[n];
    nextBytes(out);
    return out;
  }

  /** A source backed by a {@link SecureRandom}. */
  static RandomSource secure() {
    SecureRandom random = new SecureRandom();
    return random::nextBytes;
  }

  /**
   * A source that hands out the given bytes in order and fails once they are used up, so a
   * replay that asks for more randomness than was recorded is noticed at once.
   */
  static RandomSource replaying(byte[] recorded) {
    byte[] copy = recorded.clone();
    int[] position = {0};
    return out -> {
      if (position[0] + out.length > copy.length) {
        throw new IllegalStateException("replayed randomness exhausted: asked for "
            + out.length + " bytes, " + (copy.length - position[0]) + " left");
      }
      System.arraycopy(copy, position[0], out, 0, out.length);
      position[0] += out.length;
    };
  }

  /** {@link #replaying(byte[])} over hex text (whitespace ignored). */
  static RandomSource replayingHex(String hex) {
    return replaying(HexFormat.of().parseHex(hex.replaceAll("\\s", "")));
  }

  /** A source that returns only zero bytes; for tests of paddings only. */
  static RandomSource zeros() {
    return out -> Arrays.fill(out, (byte) 0);
  }
}
