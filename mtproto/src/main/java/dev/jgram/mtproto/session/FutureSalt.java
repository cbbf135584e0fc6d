package dev.jgram.mtproto.session;

import java.time.Instant;

/**
 * A server salt with the time it is valid: {@code future_salt#0949d9dc valid_since:int
 * valid_until:int salt:long}.
 *
 * @param validSince the first second the salt is accepted
 * @param validUntil the second from which it is no longer accepted
 * @param salt the salt
 */
public record FutureSalt(Instant validSince, Instant validUntil, long salt) {

  /** Checks the window is not empty. */
  public FutureSalt {
    if (!validUntil.isAfter(validSince)) {
      throw new IllegalArgumentException("salt window " + validSince + " .. " + validUntil
          + " is empty; valid_until must be after valid_since");
    }
  }

  /** Whether the salt is valid at {@code now}. */
  public boolean covers(Instant now) {
    return !now.isBefore(validSince) && now.isBefore(validUntil);
  }
}
