package dev.jgram.storage.file;

import dev.jgram.storage.InputPeer;
import dev.jgram.storage.Peer;
import dev.jgram.storage.PeerNotFoundException;
import dev.jgram.storage.StorageConfig;
import dev.jgram.storage.index.PeerIndex;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Peer reads of the file engine, answered without merging the peer log: the log's peers are
 * held in memory in a {@link PeerIndex} ({@code logged}) that shadows the file's rows of the
 * same ids, and rows read from SQLite are kept in a second, bounded one ({@code cache}). The
 * logged index claims usernames and phone numbers only once asked by one
 * ({@link PeerIndex#keysOnDemand}): a bot that writes peers and addresses them by id keeps no
 * claims for them.
 *
 * <p>An id is answered by its logged entry, else by the file. A username or phone number goes
 * to the newer of the log's winner and the file's winner among the rows no logged entry
 * shadows, a tie to the log (the later write), exactly as after a merge; then the username TTL
 * applies to the winner ({@link PeerIndex#expired}). The cache holds only what the file says,
 * which changes only when the log is merged, so it is exact between merges: an entry is used
 * only if no logged entry shadows it, and a username or phone is cached only for the file's
 * winner over every row. Ids SQLite reported absent are cached too.
 *
 * <p>A read-only storage shares the file with a running owner, so before each call it asks
 * SQLite whether anyone committed ({@code PRAGMA data_version}) and, if so, reads the log
 * again and drops its cache; its calls run in a read transaction, so the log and the tables
 * are read from one snapshot.
 */
final class PeerLookups {
  private final Connection c;
  private final SqlitePeers peers;
  private final StorageConfig config;
  private final PeerIndex logged = PeerIndex.keysOnDemand();
  private final PeerIndex cache;
  private final LazyStatement dataVersion;
  private final boolean hasLog;
  private long seenDataVersion = -1;

  PeerLookups(Connection c, SqlitePeers peers, StorageConfig config, boolean hasLog) {
    this.c = c;
    this.peers = peers;
    this.config = config;
    this.hasLog = hasLog;
    this.cache = PeerIndex.bounded(config.cacheSize());
    this.dataVersion = config.readOnly() ? new LazyStatement(c, "PRAGMA data_version") : null;
  }

  /** The logged peers (each id's last entry), for a merge. */
  PeerIndex logged() {
    return logged;
  }

  /** Reads the log's peers into memory (an owner after a crash, a reader after a commit). */
  void loadLog() throws SQLException {
    logged.clear();
    if (hasLog) {
      logged.putAll(PeerLog.read(c).toArray(new Peer[0]), 0, true);
    }
  }

  /** Records committed log entries, in write order. */
  void written(List<Peer> batch) {
    logged.putAll(batch.toArray(new Peer[0]), 0, true);
  }

  /**
   * After a merge: the log is empty, and the file changed. Cached rows of the merged ids are
   * dropped with the rest; with {@code warm}, the merged entries are cached by id (without
   * claiming usernames or phones, which older rows of the file may still win).
   */
  void merged(boolean warm) {
    cache.clear();
    for (int slot = 0, n = warm ? Math.min(logged.size(), config.cacheSize()) : 0; slot < n;
        slot++) {
      Peer p = logged.peer(slot);
      cache.put(new Peer(p.id(), p.accessHash(), p.type(), List.of(), null, p.lastUpdateOn()),
          p.lastUpdateOn());
    }
    logged.clear();
  }

  InputPeer byId(long id) throws SQLException {
    refreshIfShared();
    InputPeer found = logged.size() == 0 ? null : logged.inputPeerById(id);
    if (found == null) {
      found = cache.inputPeerById(id);
    }
    if (found != null) {
      return found;
    }
    Peer row = cache.knownMissing(id) ? null : peers.byId(id, false);
    if (row == null) {
      cache.putMissing(id);
      throw new PeerNotFoundException(PeerNotFoundException.Reason.ID_NOT_FOUND,
          Long.toString(id));
    }
    cache.put(row, row.lastUpdateOn());
    return row.toInputPeer();
  }

  InputPeer byUsername(String username) throws SQLException {
    refreshIfShared();
    int cached = cache.slotOfUsername(username);
    if (logged.size() == 0 && cached >= 0) { // the cache knows the file's winner: the answer
      return unexpired(cache.lastUpdateOn(cached), cache.inputPeer(cached), username);
    }
    Peer winner = newest(logged.size() == 0 ? -1 : logged.slotOfUsername(username), cached,
        username, false);
    if (winner == null) {
      throw new PeerNotFoundException(PeerNotFoundException.Reason.USERNAME_NOT_FOUND,
          username);
    }
    return unexpired(winner.lastUpdateOn(), winner.toInputPeer(), username);
  }

  private InputPeer unexpired(long lastUpdateOn, InputPeer found, String username) {
    if (PeerIndex.expired(lastUpdateOn, config.nowSeconds(), config.usernameTtl().getSeconds())) {
      throw new PeerNotFoundException(PeerNotFoundException.Reason.USERNAME_EXPIRED, username);
    }
    return found;
  }

  InputPeer byPhone(String phone) throws SQLException {
    refreshIfShared();
    int cached = cache.slotOfPhone(phone);
    if (logged.size() == 0 && cached >= 0) {
      return cache.inputPeer(cached);
    }
    Peer winner = newest(logged.size() == 0 ? -1 : logged.slotOfPhone(phone), cached, phone,
        true);
    if (winner == null) {
      throw new PeerNotFoundException(PeerNotFoundException.Reason.PHONE_NOT_FOUND, phone);
    }
    return winner.toInputPeer();
  }

  /**
   * The winner of a username or phone {@code key}: the newer of the log's ({@code inLog}, a
   * slot or -1) and the file's among the rows the log does not shadow (the cache's slot
   * {@code cached} if it is not shadowed, else SQLite's), a tie to the log; null if neither
   * has one.
   */
  private Peer newest(int inLog, int cached, String key, boolean phone) throws SQLException {
    Peer fromFile = cached < 0 ? null : cache.peer(cached);
    if (fromFile == null || shadowed(fromFile.id())) {
      fromFile = null;
      List<Peer> candidates = phone ? peers.byPhone(key) : peers.byUsername(key);
      for (int i = 0; i < candidates.size() && fromFile == null; i++) {
        if (!shadowed(candidates.get(i).id())) {
          fromFile = candidates.get(i);
          if (i == 0) {
            claim(fromFile, key, phone); // the file's winner over every row
          }
        }
      }
    }
    Peer fromLog = inLog < 0 ? null : logged.peer(inLog);
    if (fromLog == null || fromFile == null) {
      return fromLog == null ? fromFile : fromLog;
    }
    return fromLog.lastUpdateOn() >= fromFile.lastUpdateOn() ? fromLog : fromFile;
  }

  /** Whether a logged entry of {@code id} shadows the file's row. */
  private boolean shadowed(long id) {
    return logged.size() > 0 && logged.slotOf(id) >= 0;
  }

  /** Caches {@code row}, the file's winner of {@code key} over every row, as that winner. */
  private void claim(Peer row, String key, boolean phone) {
    int slot = cache.slotOf(row.id());
    Peer cached = slot < 0 ? null : cache.peer(slot);
    List<String> names = new ArrayList<>(cached == null ? List.of() : cached.usernames());
    if (!phone && !names.contains(key)) {
      names.add(key);
    }
    String number = phone ? key : cached == null ? null : cached.phoneNumber();
    cache.put(new Peer(row.id(), row.accessHash(), row.type(), names, number,
        row.lastUpdateOn()), row.lastUpdateOn());
  }

  /** The whole entry of {@code id}, or null. */
  Peer peer(long id) throws SQLException {
    refreshIfShared();
    int slot = logged.slotOf(id);
    return slot >= 0 ? logged.peer(slot) : peers.byId(id, true);
  }

  /** How many peers there are, the file's and the log's together. */
  long count() throws SQLException {
    refreshIfShared();
    return logged.size() == 0 ? peers.count()
        : peers.count() + logged.size() - peers.countLoggedInFile();
  }

  /** Visits every peer in id order: the file's rows, each shadowed one by its logged entry. */
  void forEach(Consumer<Peer> action) throws SQLException {
    refreshIfShared();
    long[] ids = logged.sortedIds();
    List<Peer> fromLog = new ArrayList<>(ids.length);
    for (long id : ids) {
      fromLog.add(logged.peer(logged.slotOf(id)));
    }
    int[] next = {0};
    peers.forEach(row -> {
      while (next[0] < ids.length && ids[next[0]] < row.id()) {
        action.accept(fromLog.get(next[0]++));
      }
      if (next[0] < ids.length && ids[next[0]] == row.id()) {
        action.accept(fromLog.get(next[0]++));
      } else {
        action.accept(row);
      }
    });
    fromLog.subList(next[0], ids.length).forEach(action);
  }

  void clear() {
    cache.clear();
    logged.clear();
  }

  private void refreshIfShared() throws SQLException {
    if (dataVersion == null) {
      return;
    }
    long v = dataVersion.queryLong();
    if (v != seenDataVersion) {
      cache.clear();
      loadLog();
      seenDataVersion = v;
    }
  }
}
