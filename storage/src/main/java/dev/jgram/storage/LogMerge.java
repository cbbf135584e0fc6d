package dev.jgram.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges the {@link PeerLog} into a file with Pyrogram's own layout (a {@code peers.username}
 * column, no fork usernames table) mostly inside SQLite: set-based statements write each id's
 * last entry (as writing one batch at a time would leave it), and Java reads back only the
 * peers that have usernames, to write the {@code jgram_usernames} rows that
 * {@link PeerWriter} would write for them.
 *
 * <p>It writes the same rows as {@code PeerWriter.write(lastPerId(log))}: a peer gets
 * {@code jgram_usernames} rows if it has several usernames, or if its single username is held
 * by another peer earlier in the log (in write order) or in the file before the merge. Other
 * layouts merge through {@link PeerWriter} itself.
 */
final class LogMerge implements AutoCloseable {
  private static final String TRIGGER = "trg_peers_last_update_on";
  /** Logged ids sampled to choose between UPDATE-then-REPLACE and REPLACE only. */
  private static final int SAMPLE = 64;
  /** Rebuilding the indexes pays when {@code peers} has at most this many times the log's rows. */
  private static final int REBUILD_RATIO = 2;
  private static final String COLUMNS =
      "id, access_hash, type, username, phone_number, last_update_on";

  private final Connection c;
  private PreparedStatement dropSuperseded;
  private PreparedStatement named;
  /** {@link #named} for a log in which no username appears twice. */
  private PreparedStatement namedOnce;
  private PreparedStatement extraNames;
  private PreparedStatement replaceAll;
  private PreparedStatement known;
  private PreparedStatement logCount;
  private PreparedStatement peersUpTo;
  private PreparedStatement refresh;
  private PreparedStatement replaceChanged;
  private PreparedStatement deleteNames;
  private PreparedStatement insertName;
  private PreparedStatement namedPeerIds;
  private PreparedStatement deleteNamesOf;
  /** How rows are written: REPLACE only, or UPDATE of unchanged rows first (see run). */
  private boolean refreshUnchanged;
  /** Pyrogram's trigger's own text, restored verbatim after an UPDATE; null if none. */
  private String triggerSql;

  /**
   * A peer with usernames, as its last log entry has it; {@code held}: its single username is
   * held by another peer in the file.
   */
  private record Named(long id, List<String> usernames, long lastUpdateOn, boolean held) {}

  LogMerge(Connection c) {
    this.c = c;
  }

  /**
   * Merges every logged peer in the caller's transaction; the caller empties the log.
   * {@code sortedIds}: the logged ids, sorted (an id logged twice counts once, its last entry),
   * or null if unknown; {@code mayRepeatNames}: whether a username may be logged twice.
   */
  void run(long[] sortedIds, boolean mayRepeatNames) throws SQLException {
    boolean mayRepeatIds = sortedIds == null || PeerLog.repeats(sortedIds);
    prepare();
    if (mayRepeatIds) {
      dropSuperseded.executeUpdate();
    }
    int logRows = mayRepeatIds ? logRows() : sortedIds.length;
    List<Named> peers = named(mayRepeatNames);
    Set<Long> contested = contestedInLog(peers);
    writeRows(logRows);
    deleteNames(sortedIds);
    for (Named p : peers) {
      if (p.usernames().size() > 1 || p.held() || contested.contains(p.id())) {
        for (int i = 0; i < p.usernames().size(); i++) {
          insertName.setLong(1, p.id());
          insertName.setInt(2, i);
          insertName.setString(3, p.usernames().get(i));
          insertName.setLong(4, p.lastUpdateOn());
          insertName.addBatch();
        }
      }
    }
    insertName.executeBatch();
  }

  /**
   * Writes the {@code peers} rows. A row whose username and phone did not change needs only its
   * time and hash: an UPDATE of those columns leaves the three indexes alone, where a REPLACE
   * rewrites an entry in each. Pyrogram's trigger would overwrite the time with SQLite's clock,
   * so it is dropped for the UPDATE and created again with its exact text, in this same
   * transaction: no one ever sees the file without it. Files with other triggers on
   * {@code peers} get REPLACEs only, and so do logs of mostly new peers (judged by a sample),
   * for which the UPDATE would only look in vain.
   */
  private void writeRows(int logRows) throws SQLException {
    if (!refreshUnchanged || !mostlyKnown()) {
      List<String> indexes = rebuildPays(logRows) ? rebuildableIndexes() : null;
      if (indexes != null) {
        rebuild(indexes);
      } else {
        replaceAll.executeUpdate();
      }
      return;
    }
    try (Statement s = c.createStatement()) {
      if (triggerSql != null) {
        s.execute("DROP TRIGGER " + TRIGGER);
      }
      int refreshed = refresh.executeUpdate();
      if (refreshed < logRows) { // else every logged row was unchanged but for time and hash
        replaceChanged.executeUpdate();
      }
      if (triggerSql != null) {
        s.execute(triggerSql);
      }
    }
  }

  /**
   * Whether writing the log with the indexes of {@code peers} dropped and built again costs
   * less than inserting into them: when {@code peers} holds no more than
   * {@link #REBUILD_RATIO} times as many rows as the log. Building an index sorts its keys and
   * fills its pages in order; inserting keys scattered over the key range costs a descent and
   * often a page split each, and leaves pages about 85 % full.
   */
  private boolean rebuildPays(int logRows) throws SQLException {
    peersUpTo.setLong(1, (long) logRows * REBUILD_RATIO + 1);
    try (ResultSet rs = peersUpTo.executeQuery()) {
      return rs.next() && rs.getLong(1) <= (long) logRows * REBUILD_RATIO;
    }
  }

  /**
   * The text of each index of {@code peers}, as stored, if all can be dropped and made again
   * without changing what a REPLACE does: created by CREATE INDEX, none UNIQUE (a REPLACE
   * deletes the rows a unique index would reject; without it, they would stay, and the index
   * could not be made again). Null otherwise.
   */
  private List<String> rebuildableIndexes() throws SQLException {
    List<String> ddl = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT l.\"unique\", l.origin, m.sql "
            + "FROM pragma_index_list('peers', 'main') l "
            + "LEFT JOIN main.sqlite_master m ON m.type = 'index' AND m.name = l.name "
            + "ORDER BY m.rowid")) { // as first created
      while (rs.next()) {
        String sql = rs.getString(3);
        if (rs.getInt(1) != 0 || !"c".equals(rs.getString(2)) || sql == null) {
          return null;
        }
        ddl.add(sql);
      }
    }
    return ddl;
  }

  /**
   * Drops the indexes of {@code peers}, writes the log's rows in id order (appends, where the
   * table is empty), and creates the indexes again from their stored text ({@code ddl}), all
   * in the caller's transaction: no reader ever sees {@code peers} without them, and the new
   * indexes are packed.
   */
  private void rebuild(List<String> ddl) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String name : indexNames()) {
        s.execute("DROP INDEX main.\"" + name.replace("\"", "\"\"") + "\"");
      }
      s.executeUpdate("REPLACE INTO peers (" + COLUMNS + ") SELECT " + COLUMNS
          + " FROM jgram_peer_log ORDER BY id, rowid");
      for (String sql : ddl) {
        s.execute(sql);
      }
    }
  }

  private List<String> indexNames() throws SQLException {
    List<String> names = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT name FROM pragma_index_list('peers', 'main')")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }

  /** Rows in the log (one per id, after superseded ones were dropped). */
  private int logRows() throws SQLException {
    try (ResultSet rs = logCount.executeQuery()) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  /** Whether most of a sample of the logged ids already have a row in {@code peers}. */
  private boolean mostlyKnown() throws SQLException {
    try (ResultSet rs = known.executeQuery()) {
      return rs.next() && rs.getInt(1) >= SAMPLE / 2;
    }
  }

  private void prepare() throws SQLException {
    if (named != null) {
      return;
    }
    readTriggers();
    dropSuperseded = c.prepareStatement("DELETE FROM jgram_peer_log WHERE rowid NOT IN "
        + "(SELECT max(rowid) FROM jgram_peer_log GROUP BY id)");
    String held = "EXISTS (SELECT 1 FROM peers p WHERE p.username = l.username "
        + "AND p.id <> l.id) OR EXISTS (SELECT 1 FROM jgram_usernames u "
        + "WHERE u.username = l.username AND u.peer_id <> l.id)";
    extraNames = c.prepareStatement("SELECT id, other_usernames FROM jgram_peer_log "
        + "WHERE other_usernames IS NOT NULL");
    String select = "SELECT l.id, l.username, l.other_usernames, l.last_update_on, "
        + "l.other_usernames IS NULL AND (" + held + ") FROM jgram_peer_log l "
        + "WHERE l.username IS NOT NULL AND (l.other_usernames IS NOT NULL OR " + held;
    named = c.prepareStatement(select
        + " OR l.username IN (SELECT username FROM jgram_peer_log WHERE username IS NOT NULL "
        + "GROUP BY username HAVING COUNT(*) > 1) "
        + "OR l.username IN (SELECT value FROM json_each(?))) ORDER BY l.rowid");
    namedOnce = c.prepareStatement(select + ") ORDER BY l.rowid");
    known = c.prepareStatement("SELECT COUNT(*) FROM (SELECT id FROM jgram_peer_log LIMIT "
        + SAMPLE + ") l WHERE EXISTS (SELECT 1 FROM peers p WHERE p.id = l.id)");
    logCount = c.prepareStatement("SELECT COUNT(*) FROM jgram_peer_log");
    peersUpTo = c.prepareStatement("SELECT COUNT(*) FROM (SELECT 1 FROM peers LIMIT ?)");
    replaceAll = c.prepareStatement("REPLACE INTO peers (" + COLUMNS + ") SELECT " + COLUMNS
        + " FROM jgram_peer_log ORDER BY rowid");
    refresh = c.prepareStatement("UPDATE peers SET access_hash = l.access_hash, "
        + "type = l.type, last_update_on = l.last_update_on FROM jgram_peer_log l "
        + "WHERE peers.id = l.id AND peers.username IS l.username "
        + "AND peers.phone_number IS l.phone_number");
    replaceChanged = c.prepareStatement("REPLACE INTO peers (" + COLUMNS + ") SELECT " + COLUMNS
        + " FROM jgram_peer_log l WHERE NOT EXISTS (SELECT 1 FROM peers p WHERE p.id = l.id "
        + "AND p.last_update_on = l.last_update_on AND p.access_hash IS l.access_hash "
        + "AND p.type IS l.type AND p.username IS l.username "
        + "AND p.phone_number IS l.phone_number) ORDER BY rowid");
    deleteNames = c.prepareStatement(
        "DELETE FROM jgram_usernames WHERE peer_id IN (SELECT id FROM jgram_peer_log)");
    namedPeerIds = c.prepareStatement(
        "SELECT DISTINCT peer_id FROM jgram_usernames LIMIT ?");
    deleteNamesOf = c.prepareStatement("DELETE FROM jgram_usernames WHERE peer_id = ?");
    insertName = c.prepareStatement("INSERT INTO jgram_usernames "
        + "(peer_id, position, username, written_at) VALUES (?, ?, ?, ?)");
  }

  /**
   * Deletes the {@code jgram_usernames} rows of the logged peers. With the logged ids known
   * (sorted), and no more rows there than a few per logged peer, it reads those rows' peer ids
   * and deletes the logged ones; else SQLite looks up each logged id in the table's index.
   */
  private void deleteNames(long[] sortedIds) throws SQLException {
    if (sortedIds == null) {
      deleteNames.executeUpdate();
      return;
    }
    long limit = 4L * sortedIds.length;
    List<Long> doomed = new ArrayList<>();
    long seen = 0;
    namedPeerIds.setLong(1, limit + 1);
    try (ResultSet rs = namedPeerIds.executeQuery()) {
      while (rs.next()) {
        seen++;
        long id = rs.getLong(1);
        if (Arrays.binarySearch(sortedIds, id) >= 0) {
          doomed.add(id);
        }
      }
    }
    if (seen > limit) {
      deleteNames.executeUpdate();
      return;
    }
    for (long id : doomed) {
      deleteNamesOf.setLong(1, id);
      deleteNamesOf.addBatch();
    }
    deleteNamesOf.executeBatch();
  }

  /** UPDATEs are used when {@code peers} has no trigger, or only Pyrogram's. */
  private void readTriggers() throws SQLException {
    List<String> names = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT name, sql FROM main.sqlite_master "
            + "WHERE type = 'trigger' AND tbl_name = 'peers'")) {
      while (rs.next()) {
        names.add(rs.getString(1));
        triggerSql = rs.getString(2);
      }
    }
    refreshUnchanged = names.isEmpty() || names.equals(List.of(TRIGGER));
    if (!refreshUnchanged || names.isEmpty()) {
      triggerSql = null;
    }
  }

  /**
   * The logged peers (each id's last entry, in log order) that may need {@code jgram_usernames}
   * rows, and every peer that could contest their usernames: those with several usernames,
   * those whose single username another peer holds in the file, and those whose username
   * another logged peer claims too (as its first username, or as a further one). Peers with
   * one username of their own, which are most, stay in SQLite. {@code mayRepeatNames}:
   * whether any username may appear twice in the log; if not, none is contested there.
   */
  private List<Named> named(boolean mayRepeatNames) throws SQLException {
    PreparedStatement query = namedOnce;
    if (mayRepeatNames) {
      List<String> extras = new ArrayList<>();
      try (ResultSet rs = extraNames.executeQuery()) {
        while (rs.next()) {
          extras.addAll(PeerLog.decode(rs.getLong(1), rs.getString(2)));
        }
      }
      named.setString(1, jsonArray(extras));
      query = named;
    }
    List<Named> peers = new ArrayList<>();
    try (ResultSet rs = query.executeQuery()) {
      while (rs.next()) {
        long id = rs.getLong(1);
        peers.add(new Named(id, PeerLog.usernames(id, rs.getString(2), rs.getString(3)),
            rs.getLong(4), rs.getBoolean(5)));
      }
    }
    return peers;
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

  /** Frees the compiled statements; the next merge compiles them again. */
  @Override
  public void close() throws SQLException {
    PreparedStatement[] all = {dropSuperseded, extraNames, named, namedOnce, known, logCount, peersUpTo, replaceAll,
        refresh, replaceChanged, deleteNames, namedPeerIds, deleteNamesOf, insertName};
    named = null;
    for (PreparedStatement s : all) {
      if (s != null) {
        s.close();
      }
    }
  }
}
