package dev.jgram.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Copies everything one {@link Storage} holds into another, whatever their engines: the way
 * a session moves from a file to PostgreSQL and back ({@code jgram convert}).
 *
 * <p>What is copied: the session fields (date included), every peer with its own
 * {@code lastUpdateOn} (so username TTLs carry over), the update state, every channel pts, the
 * keys of other DCs with their authorised flags, and a key revocation. Peers go over in batches, each one atomic in the destination; peers the
 * destination already holds are replaced, others it holds are kept (delete it first for an
 * exact copy).
 */
public final class StorageCopy {
  /** Peers written to the destination per batch. */
  static final int BATCH = 1_000;

  private StorageCopy() {}

  /**
   * Copies everything {@code from} holds into {@code to}. Both must be open; {@code from} is
   * only read.
   *
   * @return how many peers were copied
   * @throws IllegalStateException if either storage is not open
   * @throws IllegalArgumentException if both are the same storage
   */
  public static long copy(Storage from, Storage to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (from == to) {
      throw new IllegalArgumentException(
          from.name() + ": cannot copy a storage into itself");
    }
    to.session(from.session());
    long peers = copyPeers(from, to);
    from.updateState().ifPresent(to::updateState);
    from.allChannelPts().forEach(to::channelPts);
    from.dcKeys().forEach(to::dcKey);
    from.keyRevocation().ifPresent(to::revokeKey);
    return peers;
  }

  private static long copyPeers(Storage from, Storage to) {
    List<Peer> batch = new ArrayList<>(BATCH);
    long[] count = {0};
    from.forEachPeer(peer -> {
      batch.add(peer);
      count[0]++;
      if (batch.size() == BATCH) {
        to.restorePeers(batch);
        batch.clear();
      }
    });
    if (!batch.isEmpty()) {
      to.restorePeers(batch);
    }
    return count[0];
  }
}
