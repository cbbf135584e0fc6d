package dev.jgram.mtproto.session;

import java.time.Instant;

/**
 * Message ids for one sender, from the time the caller passes in, corrected by a clock offset.
 *
 * <pre>
 * msg_id = (seconds &lt;&lt; 32) | (nanos-of-second scaled to 2^32, low two bits replaced)
 * low two bits: 0 client, 1 server response, 3 other server message
 * </pre>
 *
 * <p>Ids are strictly increasing even when the time stands still or steps back (until the
 * offset is corrected); only the upper
 * half (seconds), the remainder mod 4 and monotonicity are the protocol's contract.
 */
final class MsgIdGenerator {
  /** Remainder of a client message id. */
  static final int CLIENT = 0;
  /** Remainder of a server message that answers a client message. */
  static final int RESPONSE = 1;
  /** Remainder of a server message that answers nothing (updates, containers of them). */
  static final int NOTIFICATION = 3;

  private long offsetSeconds;
  private long last;

  MsgIdGenerator(long offsetSeconds) {
    this.offsetSeconds = offsetSeconds;
  }

  /** The next id with {@code remainder} mod 4 at time {@code now} (plus the offset). */
  long next(Instant now, int remainder) {
    long id = compose(now.getEpochSecond() + offsetSeconds, now.getNano(), remainder);
    if (id <= last) {
      id = (last & ~3L) | remainder;
      if (id <= last) {
        id += 4;
      }
    }
    last = id;
    return id;
  }

  long offsetSeconds() {
    return offsetSeconds;
  }

  /**
   * Sets a corrected offset. Ids start again from the corrected time (as Telethon does): the
   * ids issued with the wrong offset were refused by the server (codes 16/17), so going back
   * cannot collide with ids it kept.
   */
  void offsetSeconds(long offset) {
    this.offsetSeconds = offset;
    this.last = 0;
  }

  /** The id for {@code seconds} and {@code nanos} with the given remainder. */
  static long compose(long seconds, int nanos, int remainder) {
    long fraction = ((long) nanos << 32) / 1_000_000_000L;
    return (seconds << 32) | (fraction & ~3L) | remainder;
  }

  /** The clock offset a server message id implies: its seconds minus ours. */
  static long offsetFrom(long serverMsgId, Instant now) {
    return (serverMsgId >>> 32) - now.getEpochSecond();
  }

  /** The seconds part of a message id. */
  static long seconds(long msgId) {
    return msgId >>> 32;
  }
}
