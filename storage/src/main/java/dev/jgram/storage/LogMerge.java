package dev.jgram.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
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
  private static final String COLUMNS =
      "id, access_hash, type, username, phone_number, last_update_on";

  private final Connection c;
  private PreparedStatement dropSuperseded;
  private PreparedStatement named;
  private PreparedStatement replaceAll;
  private PreparedStatement known;
  private PreparedStatement refresh;
  private PreparedStatement replaceChanged;
  private PreparedStatement deleteNames;
  private PreparedStatement insertName;
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
   * {@code mayRepeatIds}: whether an id may have several log rows (only the last counts).
   */
  void run(boolean mayRepeatIds) throws SQLException {
    prepare();
    if (mayRepeatIds) {
      dropSuperseded.executeUpdate();
    }
    List<Named> peers = named();
    Set<Long> contested = contestedInLog(peers);
    writeRows();
    deleteNames.executeUpdate();
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
  private void writeRows() throws SQLException {
    if (!refreshUnchanged || !mostlyKnown()) {
      replaceAll.executeUpdate();
      return;
    }
    try (Statement s = c.createStatement()) {
      if (triggerSql != null) {
        s.execute("DROP TRIGGER " + TRIGGER);
      }
      refresh.executeUpdate();
      replaceChanged.executeUpdate();
      if (triggerSql != null) {
        s.execute(triggerSql);
      }
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
    named = c.prepareStatement("SELECT l.id, l.username, l.other_usernames, l.last_update_on, "
        + "l.other_usernames IS NULL AND (EXISTS (SELECT 1 FROM peers p "
        + "WHERE p.username = l.username AND p.id <> l.id) OR EXISTS (SELECT 1 "
        + "FROM jgram_usernames u WHERE u.username = l.username AND u.peer_id <> l.id)) "
        + "FROM jgram_peer_log l WHERE l.username IS NOT NULL ORDER BY l.rowid");
    known = c.prepareStatement("SELECT COUNT(*) FROM (SELECT id FROM jgram_peer_log LIMIT "
        + SAMPLE + ") l WHERE EXISTS (SELECT 1 FROM peers p WHERE p.id = l.id)");
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
    insertName = c.prepareStatement("INSERT INTO jgram_usernames "
        + "(peer_id, position, username, written_at) VALUES (?, ?, ?, ?)");
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

  private List<Named> named() throws SQLException {
    List<Named> peers = new ArrayList<>();
    try (ResultSet rs = named.executeQuery()) {
      while (rs.next()) {
        long id = rs.getLong(1);
        peers.add(new Named(id, PeerLog.usernames(id, rs.getString(2), rs.getString(3)),
            rs.getLong(4), rs.getBoolean(5)));
      }
    }
    return peers;
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
    PreparedStatement[] all = {dropSuperseded, named, known, replaceAll, refresh,
        replaceChanged, deleteNames, insertName};
    named = null;
    for (PreparedStatement s : all) {
      if (s != null) {
        s.close();
      }
    }
  }
}
