package dev.jgram.testdc.server;

import java.util.Arrays;

/**
 * An auth key a DC holds.
 *
 * @param dcId the DC that made it
 * @param id the auth_key_id
 * @param key the 256 bytes; a secret
 * @param temporary whether it is a temporary (PFS) key, kept in memory only
 * @param expiresAt for a temporary key, the unixtime after which it is gone; 0 otherwise
 */
public record StoredKey(int dcId, long id, byte[] key, boolean temporary, long expiresAt) {

  /** Copies the key. */
  public StoredKey {
    key = key.clone();
  }

  /** A copy of the key. */
  @Override
  public byte[] key() {
    return key.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StoredKey that && dcId == that.dcId && id == that.id
        && Arrays.equals(key, that.key) && temporary == that.temporary
        && expiresAt == that.expiresAt;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(id) * 31 + dcId;
  }

  @Override
  public String toString() {
    return String.format("StoredKey[dc=%d, id=%016x, temporary=%b]", dcId, id, temporary);
  }
}
