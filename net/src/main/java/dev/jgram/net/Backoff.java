package dev.jgram.net;

import dev.jgram.mtproto.RandomSource;
import java.time.Duration;

/**
 * Jittered exponential back-off: attempt n waits base·2^(n−1), capped at max, times a random
 * factor in [0.5, 1.5), so many clients that lost the same server do not return at once.
 */
final class Backoff {
  private Backoff() {}

  static Duration delay(int attempt, Duration base, Duration max, RandomSource random) {
    long millis = base.toMillis() << Math.min(Math.max(attempt - 1, 0), 20);
    millis = Math.min(millis, max.toMillis());
    byte[] b = random.bytes(2);
    double jitter = 0.5 + ((b[0] & 0xff) << 8 | (b[1] & 0xff)) / 65536.0;
    return Duration.ofMillis(Math.max(1, (long) (millis * jitter)));
  }
}
