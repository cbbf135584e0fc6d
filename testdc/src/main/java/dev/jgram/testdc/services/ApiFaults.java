package dev.jgram.testdc.services;

import dev.jgram.mtproto.tl.TlObject;

/**
 * API-level faults a test arms on demand: {@code FLOOD_WAIT_X}, dropped pushes (gaps),
 * {@code updatesTooLong}, and revoked keys. Transport and session faults (closing connections,
 * delays, clock skew, -429/-444, {@code AUTH_KEY_DUPLICATED}) belong to the connection core.
 * Thread-safe.
 */
public final class ApiFaults {

  /** How a revoked key answers afterwards. */
  public enum Revocation {
    /** The key is unbound, as after {@code auth.logOut}: {@code 401 AUTH_KEY_UNREGISTERED}. */
    AUTH_KEY_UNREGISTERED,
    /** The session was terminated elsewhere: {@code 401 SESSION_REVOKED} until a new login. */
    SESSION_REVOKED
  }

  private final Backend backend;

  ApiFaults(Backend backend) {
    this.backend = backend;
  }

  /**
   * The next {@code calls} calls of {@code method} (e.g. {@code "auth.exportAuthorization"})
   * answer {@code 420 FLOOD_WAIT_<seconds>} instead of running; 0 calls disarms it.
   */
  public void floodWait(String method, int seconds, int calls) {
    if (seconds < 0) {
      throw new IllegalArgumentException("FLOOD_WAIT seconds must be >= 0, got " + seconds);
    }
    synchronized (backend.lock) {
      backend.faults.floodWait(method, seconds, calls);
    }
  }

  /**
   * The next {@code count} updates pushed to the user are dropped (their state still advances),
   * so the next one delivered shows the client a gap; 0 disarms it.
   */
  public void dropPushes(long userId, int count) {
    synchronized (backend.lock) {
      backend.faults.dropPushes(userId, count);
    }
  }

  /**
   * From now on {@code auth.sendCode} for a phone without an account, on any DC but
   * {@code dcId}, answers {@code 303 NETWORK_MIGRATE_<dcId>} (as for a number registering from
   * an IP closer to that DC); 0 turns it off.
   */
  public void networkMigrate(int dcId) {
    synchronized (backend.lock) {
      if (dcId != 0 && !backend.hasDc(dcId)) {
        throw new IllegalArgumentException("DC " + dcId + " is not in the cluster");
      }
      backend.networkMigrateDc = dcId;
    }
  }

  /** Pushes {@code updatesTooLong} to the user: the client must call {@code getDifference}. */
  public void pushUpdatesTooLong(long userId) {
    synchronized (backend.lock) {
      backend.push(userId, TlObject.of("updatesTooLong"));
    }
  }

  /** Revokes the authorisation of an auth key; the next call of that key sees how. */
  public void revokeKey(long authKeyId, Revocation how) {
    synchronized (backend.lock) {
      if (how == Revocation.AUTH_KEY_UNREGISTERED) {
        backend.state.commit("unbind", authKeyId);
      } else if (backend.state.authorization(authKeyId).isPresent()) {
        backend.state.commit("revoke", authKeyId);
      } else {
        throw new IllegalArgumentException("auth key " + Long.toHexString(authKeyId)
            + " is not logged in; only a logged-in key can have its session revoked");
      }
    }
  }

  /** Revokes every key logged in as the user. */
  public void revokeUser(long userId, Revocation how) {
    synchronized (backend.lock) {
      for (long key : backend.state.keysOf(userId)) {
        revokeKey(key, how);
      }
    }
  }
}
