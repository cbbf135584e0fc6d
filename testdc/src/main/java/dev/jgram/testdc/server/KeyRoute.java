package dev.jgram.testdc.server;

import dev.jgram.mtproto.session.AuthKeySessions;

/**
 * What a connection's last encrypted message was routed to: its key and the key's sessions,
 * with the versions of the key store and of the DC's session table they were looked up at.
 * While neither changed, the next message with the same auth_key_id goes to the same place
 * without two lookups in tables of every key of the DC.
 *
 * @param authKeyId the key's id
 * @param key the key as the key store holds it
 * @param sessions the key's sessions
 * @param keyChanges {@link KeyStore#changes()} before the lookup
 * @param sessionChanges the DC's session table version before the lookup
 */
record KeyRoute(long authKeyId, StoredKey key, AuthKeySessions sessions, long keyChanges,
    long sessionChanges) {

  /** Whether this route still holds for a message with {@code id} at {@code nowSeconds}. */
  boolean holds(long id, long keysNow, long sessionsNow, long nowSeconds) {
    return id == authKeyId && keysNow == keyChanges && sessionsNow == sessionChanges
        && !(key.temporary() && key.expiresAt() < nowSeconds);
  }
}
