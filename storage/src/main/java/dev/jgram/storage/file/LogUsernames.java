package dev.jgram.storage.file;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code jgram_usernames} half of a {@link LogMerge}: which logged peers get rows there,
 * and writing them. A peer gets rows for its usernames after the first, if it has several;
 * and for the first too if another peer holds it in the file before the merge, or claims one
 * of its usernames earlier in the log (in write order), so that the later write still wins a
 * tie within one second (pyrofork likewise keeps rows only for peers with several usernames).
 * Every other row of a logged peer there is deleted. This is the one place that decides
 * which peers get rows.
 */
final class LogUsernames implements AutoCloseable {
  private final LazyStatement extraNames;
  private final LazyStatement named;
  /** {@link #named} for a log in which no username appears twice. */
  private final LazyStatement namedOnce;
  private final LazyStatement deleteAll;
  private final LazyStatement rowPeerIds;
  private final LazyStatement deleteOf;
  private final UsernameRows rows;

  /**
   * A peer with usernames, as its last log entry has it; {@code held}: its first username is
   * held by another peer in the file.
   */
  private record Named(long id, List<String> usernames, long lastUpdateOn, boolean held) {}

  /** What {@link #write} writes: the peers that may need rows, in log order. */
  record Plan(List<Named> peers) {}

  LogUsernames(Connection c, UsernameRows rows) {
    this.rows = rows;
    // Another peer's jgram row is looked for only if the username is in that (small) table.
    String held = "EXISTS (SELECT 1 FROM peers p WHERE p.username = l.username "
        + "AND p.id <> l.id) OR l.username IN (SELECT username FROM jgram_usernames) "
        + "AND EXISTS (SELECT 1 FROM jgram_usernames u WHERE u.username = l.username "
        + "AND u.peer_id <> l.id)";
    extraNames = new LazyStatement(c, "SELECT id, other_usernames FROM jgram_peer_log "
        + "WHERE other_usernames IS NOT NULL");
    String select = "SELECT l.id, l.username, l.other_usernames, l.last_update_on, "
        + "(" + held + ") FROM jgram_peer_log l "
        + "WHERE l.username IS NOT NULL AND (l.other_usernames IS NOT NULL OR " + held;
    named = new LazyStatement(c, select
        + " OR l.username IN (SELECT username FROM jgram_peer_log WHERE username IS NOT NULL "
        + "GROUP BY username HAVING COUNT(*) > 1) "
        + "OR l.username IN (SELECT value FROM json_each(?))) ORDER BY l.rowid");
    namedOnce = new LazyStatement(c, select + ") ORDER BY l.rowid");
    deleteAll = new LazyStatement(c, "DELETE FROM jgram_usernames "
        + "WHERE peer_id IN (SELECT id FROM jgram_peer_log) AND seq <= ?");
    rowPeerIds = new LazyStatement(c, "SELECT DISTINCT peer_id FROM jgram_usernames LIMIT ?");
    deleteOf = new LazyStatement(c,
        "DELETE FROM jgram_usernames WHERE peer_id = ? AND seq <= ?");
  }

  /**
   * Reads, before {@code peers} changes, the logged peers (each id's last entry, in log order)
   * that may need rows, and every peer that could contest their usernames: those with several
   * usernames, those whose first username another peer holds in the file, and those whose
   * username another logged peer claims too (as its first username, or as a further one).
   * Peers with one username of their own, which are most, stay in SQLite.
   * {@code mayRepeatNames}: whether two logged peers may hold one username; if not, none is
   * contested in the log and SQLite need not look.
   */
  Plan plan(boolean mayRepeatNames) throws SQLException {
    PreparedStatement query;
    if (mayRepeatNames) {
      List<String> extras = new ArrayList<>();
      try (ResultSet rs = extraNames.get().executeQuery()) {
        while (rs.next()) {
          extras.addAll(PeerLog.decode(rs.getLong(1), rs.getString(2)));
        }
      }
      query = named.get();
      query.setString(1, jsonArray(extras));
    } else {
      query = namedOnce.get();
    }
    List<Named> peers = new ArrayList<>();
    try (ResultSet rs = query.executeQuery()) {
      while (rs.next()) {
        long id = rs.getLong(1);
        peers.add(new Named(id, PeerLog.usernames(id, rs.getString(2), rs.getString(3)),
            rs.getLong(4), rs.getBoolean(5)));
      }
    }
    return new Plan(peers);
  }

  /**
   * Replaces the rows of the logged peers ({@code sortedIds}) with those
   * {@code plan} calls for. A row at a position its peer had already is overwritten in place
   * (a peer written again with the same usernames moves no index entry); then the logged
   * peers' rows that were not written now, numbered before them, are deleted.
   */
  void write(Plan plan, long[] sortedIds) throws SQLException {
    long before = rows.lastSeq();
    Set<Long> contested = contestedInLog(plan.peers);
    for (Named p : plan.peers) {
      int from = p.held() || contested.contains(p.id()) ? 0 : 1;
      rows.addAll(p.id(), p.usernames(), from, p.lastUpdateOn());
    }
    rows.flush();
    deleteOlder(sortedIds, before);
  }

  /**
   * Deletes the rows of the logged peers numbered up to {@code seq}. With no more rows than a
   * few per logged peer, it reads the rows' peer ids and deletes the logged ones; else SQLite
   * looks up each logged id in the table's key.
   */
  private void deleteOlder(long[] sortedIds, long seq) throws SQLException {
    long limit = 4L * sortedIds.length;
    List<Long> doomed = new ArrayList<>();
    long seen = 0;
    PreparedStatement ids = rowPeerIds.get();
    ids.setLong(1, limit + 1);
    try (ResultSet rs = ids.executeQuery()) {
      while (rs.next()) {
        seen++;
        long id = rs.getLong(1);
        if (Arrays.binarySearch(sortedIds, id) >= 0) {
          doomed.add(id);
        }
      }
    }
    if (seen > limit) {
      deleteAll.get().setLong(1, seq);
      deleteAll.get().executeUpdate();
      return;
    }
    PreparedStatement delete = deleteOf.get();
    for (long id : doomed) {
      delete.setLong(1, id);
      delete.setLong(2, seq);
      delete.addBatch();
    }
    delete.executeBatch();
  }

  /** The peers one of whose usernames a different peer claimed before them in the log. */
  private static Set<Long> contestedInLog(List<Named> peers) {
    Set<Long> contested = new HashSet<>();
    Map<String, Long> claimed = new HashMap<>(peers.size() * 2);
    for (Named p : peers) {
      for (String u : p.usernames()) {
        Long before = claimed.put(u, p.id());
        if (before != null && before != p.id()) {
          contested.add(p.id());
        }
      }
    }
    return contested;
  }

  /** {@code texts} as a JSON array of strings, for SQLite's {@code json_each}. */
  static String jsonArray(List<String> texts) {
    StringBuilder b = new StringBuilder("[");
    for (String t : texts) {
      if (b.length() > 1) {
        b.append(',');
      }
      b.append('"');
      for (int i = 0; i < t.length(); i++) {
        char ch = t.charAt(i);
        if (ch == '"' || ch == '\\') {
          b.append('\\').append(ch);
        } else if (ch < 0x20) {
          b.append(String.format("\\u%04x", (int) ch));
        } else {
          b.append(ch);
        }
      }
      b.append('"');
    }
    return b.append(']').toString();
  }

  /** Frees the compiled statements; the next merge compiles them again. */
  @Override
  public void close() throws SQLException {
    LazyStatement.closeAll(extraNames, named, namedOnce, deleteAll, rowPeerIds, deleteOf);
    rows.close();
  }
}
