package dev.jgram.storage.file;

import dev.jgram.storage.Peer;
import dev.jgram.storage.PeerType;
import dev.jgram.storage.StorageException;
import dev.jgram.storage.index.PeerIndex;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The peers of a session file in SQLite: writes (logged by {@link PeerLog}, merged through
 * {@link LogMerge} or {@link PeerWriter}) and the queries behind {@link PeerLookups}, with
 * statements prepared at their first use and kept while open. Queries read the tables as they
 * are; {@link PeerLookups} lays the log's peers over them.
 *
 * <p>Every writer keeps Pyrogram's {@code peers} row (the first username in
 * {@code peers.username} where that column exists), so Pyrogram reads our peers. Usernames
 * that column cannot tell go to {@code jgram_usernames}; on kurigram files also to kurigram's
 * {@code usernames}, and on pyrofork files those of peers with several usernames to
 * pyrofork's, each in that fork's own way, so the fork keeps resolving them.
 *
 * <p>A username lookup takes the newest of all candidates: jgram rows still current for their
 * peer (written no earlier than the peer row, so a later Pyrogram REPLACE makes them stale),
 * Pyrogram's {@code peers.username}, and the fork's table. Ties go to jgram rows, then to the
 * later write (higher {@code seq}, or rowid in a fork's table).
 */
final class SqlitePeers {
  private static final int PAGE = 1000;

  private final Connection c;
  private final SchemaLayout layout;
  private final boolean hasUsernameColumn;
  private final PeerWriter writer;
  private final PeerLog log;
  private final LogMerge logMerge;
  private final LazyStatement selectById;
  private final LazyStatement selectByUsername;
  private final LazyStatement selectByPhone;
  private final LazyStatement selectJgramUsernames;
  private final LazyStatement selectForkUsernames;
  private final LazyStatement count;
  private final LazyStatement countLogged;
  /** Rows in {@code peers} when last counted since the last merge; -1: not counted. */
  private long peersInFile = -1;

  SqlitePeers(Connection c, SchemaLayout layout, boolean writable) throws SQLException {
    this.c = c;
    this.layout = layout;
    this.hasUsernameColumn = layout.peersHaveUsername();
    String userCol = hasUsernameColumn ? "username, " : "";
    writer = writable && !layout.lean() ? new PeerWriter(c, layout) : null;
    log = writable ? new PeerLog(c) : null;
    logMerge = writable && layout.lean() ? new LogMerge(c, new UsernameRows(c, layout)) : null;
    selectById = new LazyStatement(c, "SELECT id, access_hash, type, " + userCol
        + "phone_number, last_update_on FROM peers WHERE id = ?");
    selectByUsername = new LazyStatement(c, PeerQueries.byUsername(layout));
    selectByPhone = new LazyStatement(c, "SELECT id, access_hash, type, phone_number, "
        + "last_update_on FROM peers WHERE phone_number = ? ORDER BY last_update_on DESC");
    countLogged = !layout.hasTable(PeerLog.TABLE) ? null : new LazyStatement(c,
        "SELECT COUNT(*) FROM peers WHERE id IN (SELECT id FROM " + PeerLog.TABLE + ")");
    selectJgramUsernames = !layout.hasTable("jgram_usernames") ? null
        : new LazyStatement(c, "SELECT position, username FROM jgram_usernames "
            + "WHERE peer_id = ? AND written_at >= ? ORDER BY position"
            + (layout.usernamesHaveSeq() ? "" : ", rowid"));
    selectForkUsernames = LazyStatement.ofNullable(c, PeerQueries.forkUsernamesOf(layout));
    count = new LazyStatement(c, "SELECT COUNT(*) FROM peers");
  }

  /**
   * The entries of {@code peers} that a write keeps, in write order: the last entry per id
   * wins, at its last position. A list in which no id repeats is returned itself.
   */
  static List<Peer> lastPerId(Collection<Peer> peers) {
    if (peers instanceof List<Peer> list && !repeatsAnId(list)) {
      return list; // the common case: each id once, nothing to drop
    }
    Map<Long, Peer> byId = new LinkedHashMap<>();
    for (Peer p : peers) {
      byId.remove(p.id());
      byId.put(p.id(), p);
    }
    return new ArrayList<>(byId.values());
  }

  private static boolean repeatsAnId(List<Peer> peers) {
    long[] ids = new long[peers.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = peers.get(i).id();
    }
    Arrays.sort(ids);
    for (int i = 1; i < ids.length; i++) {
      if (ids[i] == ids[i - 1]) {
        return true;
      }
    }
    return false;
  }

  /** Logs {@code peers} (stamped, one entry per id) in the caller's transaction. */
  void append(List<Peer> peers) throws SQLException {
    log.append(peers);
  }

  /** Logged peers not yet merged into {@code peers}; 0 for a read-only storage. */
  int pending() {
    return log == null ? 0 : log.pending();
  }

  /**
   * Whether the log is due to be merged: it holds as many peers as {@code peers} (so that
   * merging costs each peer a bounded number of rewrites however large the file grows),
   * within {@link PeerLog#MIN_MERGE_ROWS} and {@link PeerLog#MAX_MERGE_ROWS}.
   */
  boolean logFull() throws SQLException {
    int pending = pending();
    if (pending < PeerLog.MIN_MERGE_ROWS) {
      return false;
    }
    if (pending >= PeerLog.MAX_MERGE_ROWS) {
      return true;
    }
    if (peersInFile < 0) {
      peersInFile = count(); // once per merge, when the log first reaches the minimum
    }
    return pending >= peersInFile;
  }

  /**
   * Merges every logged peer into {@code peers} and empties the log, in the caller's
   * transaction; {@code logged} holds each logged id's last entry.
   */
  void merge(PeerIndex logged) throws SQLException {
    if (logMerge != null) {
      logMerge.run(logged.sortedIds(), log.pending() != logged.size(),
          logged.usernamesMayRepeat());
    } else {
      List<Peer> rows = PeerLog.read(c);
      if (!rows.isEmpty()) {
        writer.write(lastPerId(rows));
      }
    }
    log.clear();
    peersInFile = -1;
  }

  /** Re-reads the log's length after a transaction was rolled back. */
  void rolledBack() throws SQLException {
    if (log != null) {
      log.resync();
    }
  }

  /**
   * The row of {@code id}, or null: with {@code whole}, the whole entry; else without its
   * usernames and phone (no further query).
   */
  Peer byId(long id, boolean whole) throws SQLException {
    PreparedStatement s = selectById.get();
    s.setLong(1, id);
    try (ResultSet rs = s.executeQuery()) {
      return !rs.next() ? null : whole ? readPeer(rs) : address(rs);
    }
  }

  /** The rows holding {@code username}, the winner first, without usernames and phone. */
  List<Peer> byUsername(String username) throws SQLException {
    return addresses(selectByUsername.get(), username);
  }

  /** The rows with {@code phone}, the newest first, without usernames and phone. */
  List<Peer> byPhone(String phone) throws SQLException {
    return addresses(selectByPhone.get(), phone);
  }

  private static List<Peer> addresses(PreparedStatement s, String key) throws SQLException {
    s.setString(1, key);
    List<Peer> rows = new ArrayList<>(1);
    try (ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        rows.add(address(rs));
      }
    }
    return rows;
  }

  /** How many of the logged ids have a row in {@code peers} too. */
  long countLoggedInFile() throws SQLException {
    return countLogged == null ? 0 : countLogged.queryLong();
  }

  long count() throws SQLException {
    return count.queryLong();
  }

  /** Visits every peer in id order, reading a page of rows at a time. */
  void forEach(Consumer<Peer> action) throws SQLException {
    String sql = "SELECT id, access_hash, type, " + (hasUsernameColumn ? "username, " : "")
        + "phone_number, last_update_on FROM peers WHERE id >= ? ORDER BY id LIMIT " + PAGE;
    try (PreparedStatement s = c.prepareStatement(sql)) {
      long from = Long.MIN_VALUE;
      while (true) {
        List<Peer> page = new ArrayList<>(PAGE);
        s.setLong(1, from);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            page.add(readPeer(rs));
          }
        }
        page.forEach(action);
        long last = page.isEmpty() ? Long.MAX_VALUE : page.get(page.size() - 1).id();
        if (page.size() < PAGE || last == Long.MAX_VALUE) {
          return;
        }
        from = last + 1;
      }
    }
  }

  private Peer readPeer(ResultSet rs) throws SQLException {
    Peer row = address(rs);
    String primary = hasUsernameColumn ? rs.getString("username") : null;
    List<String> usernames = usernamesOf(row.id(), row.lastUpdateOn(), primary);
    return new Peer(row.id(), row.accessHash(), row.type(), usernames,
        rs.getString("phone_number"), row.lastUpdateOn());
  }

  /**
   * A peer's usernames: from its current {@code jgram_usernames} rows, where the first is
   * {@code peers.username} unless a row at position 0 says otherwise; else {@code primary}
   * and the fork's rows.
   */
  private List<String> usernamesOf(long id, long updated, String primary) throws SQLException {
    List<String> names = new ArrayList<>();
    if (selectJgramUsernames != null) {
      PreparedStatement s = selectJgramUsernames.get();
      s.setLong(1, id);
      s.setLong(2, updated);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          if (names.isEmpty() && rs.getInt(1) > 0 && primary != null) {
            names.add(primary);
          }
          names.add(rs.getString(2));
        }
      }
    }
    if (!names.isEmpty()) {
      return names;
    }
    if (primary != null) {
      names.add(primary);
    }
    if (selectForkUsernames != null) {
      PreparedStatement s = selectForkUsernames.get();
      PeerQueries.bindForkUsernamesOf(s, layout, id, updated);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          String u = rs.getString(1);
          if (!names.contains(u)) {
            names.add(u);
          }
        }
      }
    }
    return names;
  }

  /** A row's id, access hash, type and time, as a peer without usernames and phone. */
  static Peer address(ResultSet rs) throws SQLException {
    long id = rs.getLong("id");
    Long hash = rs.getLong("access_hash");
    if (rs.wasNull()) {
      hash = null;
    }
    return new Peer(id, hash, type(rs, id), List.of(), null, rs.getLong("last_update_on"));
  }

  /** The {@code type} column of {@code rs}'s row of peer {@code id}. */
  private static PeerType type(ResultSet rs, long id) throws SQLException {
    String text = rs.getString("type");
    try {
      return PeerType.fromValue(text);
    } catch (IllegalArgumentException e) {
      throw new StorageException("peer " + id + " has type '" + text + "', which jgram cannot "
          + "address; expected one of user, bot, group, channel, supergroup", e);
    }
  }

  /**
   * Frees every compiled statement (the writer's too); a later call compiles what it needs
   * again.
   */
  void releaseStatements() throws SQLException {
    if (log != null) { // their statements are lazy as well: the next write compiles them again
      log.close();
      if (writer != null) {
        writer.close();
      }
      if (logMerge != null) {
        logMerge.close();
      }
    }
    LazyStatement.closeAll(selectById, selectByUsername, selectByPhone, selectJgramUsernames,
        selectForkUsernames, count, countLogged);
  }
}
