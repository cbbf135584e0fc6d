package dev.jgram.storage.file;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Merges the {@link PeerLog} into a file with Pyrogram's own layout (a {@code peers.username}
 * column, no fork usernames table) mostly inside SQLite: set-based statements write each id's
 * last entry (as writing one batch at a time would leave it), and {@link LogUsernames} the
 * {@code jgram_usernames} rows. Layouts with a fork's usernames table merge through
 * {@link PeerWriter}.
 */
final class LogMerge implements AutoCloseable {
  private static final String TRIGGER = "trg_peers_last_update_on";
  /** Logged ids sampled to choose between UPDATE-then-REPLACE and REPLACE only. */
  private static final int SAMPLE = 64;
  /** Rebuilding the indexes pays when {@code peers} has at most this many times the log's rows. */
  private static final int REBUILD_RATIO = 2;
  /** The head of a CREATE TABLE statement up to the end of the table's name. */
  private static final Pattern CREATE_TABLE = Pattern.compile(
      "\\s*CREATE\\s+TABLE\\s+(?:[A-Za-z_][A-Za-z0-9_]*|\"(?:[^\"]|\"\")+\")",
      Pattern.CASE_INSENSITIVE);
  private static final String COLUMNS =
      "id, access_hash, type, username, phone_number, last_update_on";

  private final Connection c;
  private final LogUsernames usernames;
  private final LazyStatement dropSuperseded;
  private final LazyStatement replaceAll;
  private final LazyStatement known;
  private final LazyStatement peersUpTo;
  private final LazyStatement refresh;
  private final LazyStatement replaceChanged;
  /** How rows are written: REPLACE only, or UPDATE of unchanged rows first (see run). */
  private boolean refreshUnchanged;
  /** Pyrogram's trigger's own text, restored verbatim after an UPDATE; null if none. */
  private String triggerSql;

  LogMerge(Connection c, UsernameRows usernameRows) {
    this.c = c;
    this.usernames = new LogUsernames(c, usernameRows);
    dropSuperseded = new LazyStatement(c, "DELETE FROM jgram_peer_log WHERE rowid NOT IN "
        + "(SELECT max(rowid) FROM jgram_peer_log GROUP BY id)");
    known = new LazyStatement(c, "SELECT COUNT(*) FROM (SELECT id FROM jgram_peer_log LIMIT "
        + SAMPLE + ") l WHERE EXISTS (SELECT 1 FROM peers p WHERE p.id = l.id)");
    peersUpTo = new LazyStatement(c, "SELECT COUNT(*) FROM (SELECT 1 FROM peers LIMIT ?)");
    replaceAll = new LazyStatement(c, "REPLACE INTO peers (" + COLUMNS + ") SELECT " + COLUMNS
        + " FROM jgram_peer_log ORDER BY rowid");
    refresh = new LazyStatement(c, "INSERT OR REPLACE INTO peers (" + COLUMNS + ") SELECT "
        + COLUMNS + " FROM jgram_peer_log WHERE true ORDER BY rowid ON CONFLICT (id) DO UPDATE "
        + "SET access_hash = excluded.access_hash, type = excluded.type, last_update_on = "
        + "excluded.last_update_on WHERE peers.username IS excluded.username "
        + "AND peers.phone_number IS excluded.phone_number");
    replaceChanged = new LazyStatement(c, "REPLACE INTO peers (" + COLUMNS + ") SELECT "
        + COLUMNS + " FROM jgram_peer_log l WHERE NOT EXISTS (SELECT 1 FROM peers p "
        + "WHERE p.id = l.id AND p.last_update_on = l.last_update_on "
        + "AND p.access_hash IS l.access_hash AND p.type IS l.type "
        + "AND p.username IS l.username AND p.phone_number IS l.phone_number) ORDER BY rowid");
  }

  /**
   * Merges every logged peer in the caller's transaction; the caller empties the log.
   * {@code sortedIds}: the logged ids, sorted, each once; {@code mayRepeatIds}: whether an id
   * may have been logged twice; {@code mayRepeatNames}: whether two logged peers may hold one
   * username.
   */
  void run(long[] sortedIds, boolean mayRepeatIds, boolean mayRepeatNames) throws SQLException {
    readTriggers();
    if (mayRepeatIds) {
      dropSuperseded.get().executeUpdate();
    }
    int logRows = sortedIds.length;
    LogUsernames.Plan names = usernames.plan(mayRepeatNames); // before peers changes
    List<Index> indexes = writeRows(logRows) ? rebuildableIndexes("jgram_usernames") : null;
    runAll(indexes, Index::drop);
    usernames.write(names, sortedIds);
    if (indexes != null) {
      repack("jgram_usernames");
    }
    runAll(indexes, Index::create);
  }

  /**
   * Writes the {@code peers} rows. A row whose username and phone did not change needs only its
   * time and hash: an UPDATE of those columns leaves the three indexes alone, where a REPLACE
   * rewrites an entry in each. One INSERT whose conflict on the id does that UPDATE (in place,
   * in one pass, where an UPDATE ... FROM first collects the joined rows) also adds the new
   * peers; the rows whose username or phone changed are left to a REPLACE after it. Pyrogram's
   * trigger would overwrite the time with SQLite's clock, so it is dropped for the UPDATE and
   * created again with its exact text, in this same transaction: no one ever sees the file
   * without it. Files with other triggers on {@code peers} get REPLACEs only, and so do logs of
   * mostly new peers (judged by a sample), for which the UPDATE would only look in vain. Returns whether the indexes were built anew
   * (see {@link #rebuild}); the merge then builds {@code jgram_usernames}' anew as well.
   */
  private boolean writeRows(int logRows) throws SQLException {
    if (!refreshUnchanged || !mostlyKnown()) {
      List<Index> indexes = rebuildPays(logRows) ? rebuildableIndexes("peers") : null;
      if (indexes != null) {
        rebuild(indexes);
        return true;
      }
      replaceAll.get().executeUpdate();
      return false;
    }
    try (Statement s = c.createStatement()) {
      if (triggerSql != null) {
        s.execute("DROP TRIGGER " + TRIGGER);
      }
      int refreshed = refresh.get().executeUpdate();
      if (refreshed < logRows) { // else every logged row was new or changed in time and hash
        replaceChanged.get().executeUpdate();
      }
      if (triggerSql != null) {
        s.execute(triggerSql);
      }
    }
    return false;
  }

  /**
   * Whether writing the log with the indexes of {@code peers} dropped and built again costs
   * less than inserting into them: when {@code peers} holds no more than
   * {@link #REBUILD_RATIO} times as many rows as the log. Building an index sorts its keys and
   * fills its pages in order; inserting keys scattered over the key range costs a descent and
   * often a page split each, and leaves pages about 85 % full.
   */
  private boolean rebuildPays(int logRows) throws SQLException {
    peersUpTo.get().setLong(1, (long) logRows * REBUILD_RATIO + 1);
    return peersUpTo.queryLong() <= (long) logRows * REBUILD_RATIO;
  }

  /** An index: the statement that drops it and the text it was created with. */
  private record Index(String drop, String create) {}

  /**
   * The indexes of {@code table} (but for the key of a WITHOUT ROWID table), in the order they
   * were created, if all can be dropped and made again from their stored text without changing
   * what a write does: created by CREATE INDEX, none UNIQUE (a REPLACE deletes the rows a
   * unique index would reject; without it, they would stay, and the index could not be made
   * again). Null otherwise.
   */
  private List<Index> rebuildableIndexes(String table) throws SQLException {
    List<Index> indexes = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement("SELECT l.name, l.\"unique\", l.origin, m.sql "
        + "FROM pragma_index_list(?, 'main') l "
        + "LEFT JOIN main.sqlite_master m ON m.type = 'index' AND m.name = l.name "
        + "WHERE l.origin <> 'pk' OR m.sql IS NOT NULL ORDER BY m.rowid")) {
      s.setString(1, table);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          String sql = rs.getString(4);
          if (rs.getInt(2) != 0 || !"c".equals(rs.getString(3)) || sql == null) {
            return null;
          }
          indexes.add(new Index("DROP INDEX main.\""
              + rs.getString(1).replace("\"", "\"\"") + "\"", sql));
        }
      }
    }
    return indexes;
  }

  /** Runs one statement of each index ({@link Index#drop} or {@link Index#create}), if any. */
  private void runAll(List<Index> indexes, Function<Index, String> statement)
      throws SQLException {
    try (Statement s = c.createStatement()) {
      for (Index index : indexes == null ? List.<Index>of() : indexes) {
        s.execute(statement.apply(index));
      }
    }
  }

  /**
   * Drops {@code indexes}, writes the log's rows in id order (appends, where the table is
   * empty), and creates the indexes again from their stored text, all in the caller's
   * transaction: no reader ever sees {@code peers} without them, and the new indexes are
   * packed.
   */
  private void rebuild(List<Index> indexes) throws SQLException {
    runAll(indexes, Index::drop);
    try (Statement s = c.createStatement()) {
      s.executeUpdate("REPLACE INTO peers (" + COLUMNS + ") SELECT " + COLUMNS
          + " FROM jgram_peer_log ORDER BY id, rowid");
    }
    runAll(indexes, Index::create);
  }

  /**
   * Writes {@code table} (without secondary indexes) anew with its pages full: its rows go to a
   * TEMP copy of the same definition and back into the emptied table, a copy SQLite makes
   * page by page in key order (rows inserted one by one into a WITHOUT ROWID table leave each
   * page split about half full).
   */
  private void repack(String table) throws SQLException {
    String ddl = null;
    try (PreparedStatement q = c.prepareStatement("SELECT sql FROM main.sqlite_master "
        + "WHERE type = 'table' AND name = ?")) {
      q.setString(1, table);
      try (ResultSet rs = q.executeQuery()) {
        if (rs.next()) {
          ddl = rs.getString(1);
        }
      }
    }
    Matcher head = CREATE_TABLE.matcher(ddl == null ? "" : ddl);
    if (!head.lookingAt()) {
      return; // not a definition this can copy; the table stays as written
    }
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TEMP TABLE jgram_repack" + ddl.substring(head.end()));
      try {
        s.executeUpdate("INSERT INTO temp.jgram_repack SELECT * FROM main." + table);
        s.executeUpdate("DELETE FROM main." + table);
        s.executeUpdate("INSERT INTO main." + table + " SELECT * FROM temp.jgram_repack");
      } finally {
        s.execute("DROP TABLE temp.jgram_repack");
      }
    }
  }

  /** Whether most of a sample of the logged ids already have a row in {@code peers}. */
  private boolean mostlyKnown() throws SQLException {
    return known.queryLong() >= SAMPLE / 2;
  }

  /** UPDATEs are used when {@code peers} has no trigger, or only Pyrogram's. */
  private void readTriggers() throws SQLException {
    List<String> names = new ArrayList<>();
    triggerSql = null;
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT name, sql FROM main.sqlite_master "
            + "WHERE type = 'trigger' AND tbl_name = 'peers'")) {
      while (rs.next()) {
        names.add(rs.getString(1));
        triggerSql = rs.getString(2);
      }
    }
    refreshUnchanged = names.isEmpty() || names.equals(List.of(TRIGGER));
    if (!refreshUnchanged) {
      triggerSql = null;
    }
  }

  /** Frees the compiled statements; the next merge compiles them again. */
  @Override
  public void close() throws SQLException {
    usernames.close();
    LazyStatement.closeAll(dropSuperseded, known, peersUpTo, replaceAll, refresh,
        replaceChanged);
  }
}
