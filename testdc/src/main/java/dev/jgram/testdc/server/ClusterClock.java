package dev.jgram.testdc.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The cluster's clock: a base clock plus a skew a test can set at any time, so msg_id windows,
 * server_time and dates move together.
 */
public final class ClusterClock extends Clock {
  private final Clock base;
  private volatile Duration skew = Duration.ZERO;

  /** A clock over {@code base}, unskewed. */
  public ClusterClock(Clock base) {
    this.base = base;
  }

  /** Sets the skew added to the base clock. */
  public void skew(Duration newSkew) {
    this.skew = newSkew;
  }

  /** The current skew. */
  public Duration skew() {
    return skew;
  }

  @Override
  public Instant instant() {
    return base.instant().plus(skew);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the cluster clock is always UTC");
  }
}
