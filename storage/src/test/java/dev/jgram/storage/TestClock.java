package dev.jgram.storage;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that stands still until a test moves it, so TTL and timestamp tests never sleep.
 * Thread-safe: engines may read it from any thread.
 */
public final class TestClock extends Clock {
  private volatile long millis;

  /** A clock showing {@code epochSecond}. */
  public TestClock(long epochSecond) {
    this.millis = epochSecond * 1000;
  }

  /** Sets the time to {@code epochSecond}. */
  public void set(long epochSecond) {
    this.millis = epochSecond * 1000;
  }

  /** Moves the time by {@code seconds} (negative moves it back). */
  public void advance(long seconds) {
    this.millis += seconds * 1000;
  }

  /** The current time in unix seconds. */
  public long seconds() {
    return millis / 1000;
  }

  @Override
  public long millis() {
    return millis;
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
