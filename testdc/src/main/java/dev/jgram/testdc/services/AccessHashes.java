package dev.jgram.testdc.services;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Access hashes that are stable per (viewing account, peer) and differ between viewers: the
 * first 8 bytes of SHA-256(secret | kind | viewer | peer), with the cluster's secret kept in its
 * state, so hashes survive restarts.
 */
final class AccessHashes {
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  });

  private final byte[] secret;

  AccessHashes(byte[] secret) {
    this.secret = secret.clone();
  }

  /** The access hash {@code viewer} sees for the user {@code userId}. */
  long user(long viewer, long userId) {
    return hash('u', viewer, userId);
  }

  /** The access hash {@code viewer} sees for the channel {@code channelId}. */
  long channel(long viewer, long channelId) {
    return hash('c', viewer, channelId);
  }

  private long hash(char kind, long viewer, long peer) {
    MessageDigest sha256 = SHA256.get();
    sha256.update(secret);
    sha256.update(ByteBuffer.allocate(17).order(ByteOrder.LITTLE_ENDIAN).put((byte) kind)
        .putLong(viewer).putLong(peer).array());
    return ByteBuffer.wrap(sha256.digest()).order(ByteOrder.LITTLE_ENDIAN).getLong();
  }
}
