package dev.jgram.testdc.server;

import dev.jgram.mtproto.session.ServerOptions;
import java.time.Duration;

/**
 * How the cluster's sessions behave.
 *
 * @param saltPeriod how long each server salt is handed out (Telegram: 30 minutes)
 * @param saltGrace how long a salt stays accepted after its successor took over (1800 s)
 * @param limits how much each session remembers (kept msg_ids, stored answers)
 */
public record SessionSettings(Duration saltPeriod, Duration saltGrace, ServerOptions limits) {

  /** Checks the durations. */
  public SessionSettings {
    if (saltPeriod.isNegative() || saltPeriod.isZero() || saltGrace.isNegative()) {
      throw new IllegalArgumentException("salt period " + saltPeriod + " and grace " + saltGrace
          + "; expected a positive period and a grace of zero or more");
    }
  }

  /** Telegram's salts (30 minutes, 1800 s more) and the session layer's default limits. */
  public static SessionSettings telegram() {
    return new SessionSettings(Duration.ofMinutes(30), Duration.ofSeconds(1800),
        ServerOptions.defaults());
  }
}
