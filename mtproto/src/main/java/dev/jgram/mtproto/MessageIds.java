package dev.jgram.mtproto;

import java.time.Clock;

/**
 * Generates client message ids from an injectable clock: roughly unixtime * 2^32, divisible
 * by 4, and strictly increasing even when the clock stands still or steps back.
 *
 * <pre>
 * msg_id = (seconds &lt;&lt; 32) | (nanos-of-second scaled to 32 bits, rounded down to a multiple of 4)
 * </pre>
 *
 * <p>Not thread-safe; one instance belongs to one session.
 */
public final class MessageIds {
  private final Clock clock;
  private final long offsetSeconds;
  private long last;

  /** Ids from {@code clock}, corrected by the server time offset in seconds. */
  public MessageIds(Clock clock, long offsetSeconds) {
    this.clock = clock;
    this.offsetSeconds = offsetSeconds;
  }

  /** The next id. */
  public long next() {
    java.time.Instant now = clock.instant();
    long seconds = now.getEpochSecond() + offsetSeconds;
    long fraction = ((long) now.getNano() << 32) / 1_000_000_000L;
    long id = (seconds << 32) | (fraction & ~3L);
    if (id <= last) {
      id = last + 4;
    }
    last = id;
    return id;
  }
}
