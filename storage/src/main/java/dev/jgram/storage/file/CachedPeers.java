package dev.jgram.storage.file;

import dev.jgram.storage.InputPeer;
import dev.jgram.storage.Peer;
import dev.jgram.storage.PeerNotFoundException;
import dev.jgram.storage.StorageConfig;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Peer lookups of the file engine: the {@link PeerCache} first, SQLite on a miss, with the
 * storage's lookup semantics (exact matches, the username TTL, typed misses).
 *
 * <p>An owner's cache is exact, since every write goes through it. A read-only storage shares
 * the file with a running owner, so before each lookup it asks SQLite whether anyone committed
 * ({@code PRAGMA data_version}) and drops its cache if so.
 */
final class CachedPeers {
  /** What must happen before SQLite can answer a lookup: merging the peer log. */
  interface BeforeQuery {
    /** Before a lookup by username or phone, which any logged peer may answer. */
    void run() throws SQLException;

    /** Before a lookup of {@code id}, which only a logged entry of {@code id} changes. */
    void runFor(long id) throws SQLException;
  }

  private final SqlitePeers peers;
  private final BeforeQuery beforeQuery;
  private final PeerCache cache;
  private final StorageConfig config;
  private final LazyStatement dataVersion;
  private long seenDataVersion = -1;

  CachedPeers(Connection c, SqlitePeers peers, StorageConfig config, BeforeQuery beforeQuery) {
    this.peers = peers;
    this.beforeQuery = beforeQuery;
    this.config = config;
    this.cache = new PeerCache(config.cacheSize());
    this.dataVersion = config.readOnly() ? new LazyStatement(c, "PRAGMA data_version") : null;
  }

  InputPeer byId(long id) throws SQLException {
    refreshIfShared();
    int slot = cache.slotOf(id);
    if (slot >= 0) {
      return cache.input(slot);
    }
    PeerCache.Entry e = cache.knownMissing(id) ? null : queryById(id);
    if (e == null) {
      cache.missed(id);
      throw new PeerNotFoundException(PeerNotFoundException.Reason.ID_NOT_FOUND,
          Long.toString(id));
    }
    cache.loaded(e);
    return e.input();
  }

  InputPeer byUsername(String username) throws SQLException {
    refreshIfShared();
    int slot = cache.slotOfUsername(username);
    long lastUpdateOn;
    InputPeer input;
    if (slot >= 0) {
      lastUpdateOn = cache.lastUpdateOn(slot);
      input = cache.input(slot);
    } else {
      beforeQuery.run();
      PeerCache.Entry e = peers.byUsername(username);
      if (e == null) {
        throw new PeerNotFoundException(PeerNotFoundException.Reason.USERNAME_NOT_FOUND,
            username);
      }
      cache.loadedForUsername(e, username);
      lastUpdateOn = e.lastUpdateOn();
      input = e.input();
    }
    // Pyrogram: abs() so that entries from the future expire too; strictly greater than TTL.
    if (Math.abs(config.nowSeconds() - lastUpdateOn) > config.usernameTtl().getSeconds()) {
      throw new PeerNotFoundException(PeerNotFoundException.Reason.USERNAME_EXPIRED, username);
    }
    return input;
  }

  InputPeer byPhone(String phone) throws SQLException {
    refreshIfShared();
    int slot = cache.slotOfPhone(phone);
    if (slot >= 0) {
      return cache.input(slot);
    }
    beforeQuery.run();
    PeerCache.Entry e = peers.byPhone(phone);
    if (e == null) {
      throw new PeerNotFoundException(PeerNotFoundException.Reason.PHONE_NOT_FOUND, phone);
    }
    cache.loadedForPhone(e, phone);
    return e.input();
  }

  private PeerCache.Entry queryById(long id) throws SQLException {
    beforeQuery.runFor(id);
    return peers.byId(id);
  }

  /** Records committed writes, in write order. */
  void written(List<Peer> batch) {
    for (Peer p : batch) {
      cache.written(p);
    }
  }

  void clear() {
    cache.clear();
  }

  private void refreshIfShared() throws SQLException {
    if (dataVersion == null) {
      return;
    }
    long v;
    try (ResultSet rs = dataVersion.get().executeQuery()) {
      rs.next();
      v = rs.getLong(1);
    }
    if (v != seenDataVersion) {
      cache.clear();
      seenDataVersion = v;
    }
  }
}
