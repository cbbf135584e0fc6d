package dev.jgram.storage.file;

import dev.jgram.storage.Peer;
import dev.jgram.storage.StorageException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How a read-only storage sees peers still in the {@link PeerLog} (of a running owner, or of
 * one that was killed) without writing the file: it copies the tables a merge writes into
 * {@code TEMP} tables of the same names, with their indexes, and merges the log into those.
 * SQLite resolves an unqualified table name in {@code temp} first, so every query then reads
 * the merged copy; the file stays untouched.
 *
 * <p>The copy is made again whenever another connection has committed since (SQLite's
 * {@code data_version}), and dropped when the log is empty. It costs a copy of the peers, so
 * only read-only opens of a file with a non-empty log pay it.
 */
final class LogShadow {
  private static final Pattern CREATE_TABLE =
      Pattern.compile("^\\s*CREATE\\s+TABLE\\s+", Pattern.CASE_INSENSITIVE);
  private static final Pattern CREATE_INDEX = Pattern.compile(
      "^(\\s*CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?)",
      Pattern.CASE_INSENSITIVE);

  private final Connection c;
  private final SchemaLayout layout;
  private final PreparedStatement dataVersion;
  private final List<String> shadowed = new ArrayList<>();
  private long seenVersion = Long.MIN_VALUE;

  LogShadow(Connection c, SchemaLayout layout) throws SQLException {
    this.c = c;
    this.layout = layout;
    this.dataVersion = c.prepareStatement("PRAGMA data_version");
  }

  /** Brings the merged copy up to date with the file; does nothing if no one wrote since. */
  void refresh() throws SQLException {
    long version;
    try (ResultSet rs = dataVersion.executeQuery()) {
      rs.next();
      version = rs.getLong(1);
    }
    if (version == seenVersion) {
      return;
    }
    drop();
    if (layout.hasTable(PeerLog.TABLE)) {
      build();
    }
    seenVersion = version;
  }

  /** Reads the log and copies the tables from one snapshot of the file, then merges. */
  private void build() throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("BEGIN");
      try {
        List<Peer> logged = PeerLog.read(c);
        if (!logged.isEmpty()) {
          for (String table : tables()) {
            copy(table);
          }
          try (PeerWriter writer = new PeerWriter(c, layout)) {
            writer.write(SqlitePeers.lastPerId(logged));
          }
        }
        s.execute("COMMIT");
      } catch (SQLException | RuntimeException e) {
        s.execute("ROLLBACK");
        shadowed.clear();
        throw e;
      }
    }
  }

  /** Whether queries currently read the merged copy. */
  boolean active() {
    return !shadowed.isEmpty();
  }

  private List<String> tables() {
    List<String> tables = new ArrayList<>(List.of("peers"));
    if (layout.hasTable("jgram_usernames")) {
      tables.add("jgram_usernames");
    }
    if (layout.forkUsernames() != SchemaLayout.ForkUsernames.NONE) {
      tables.add("usernames");
    }
    return tables;
  }

  private void copy(String table) throws SQLException {
    List<String> indexes = new ArrayList<>();
    String ddl = null;
    try (PreparedStatement q = c.prepareStatement("SELECT type, sql FROM main.sqlite_master "
        + "WHERE tbl_name = ? AND type IN ('table', 'index') AND sql IS NOT NULL")) {
      q.setString(1, table);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          if ("table".equals(rs.getString(1))) {
            ddl = rs.getString(2);
          } else {
            indexes.add(rs.getString(2));
          }
        }
      }
    }
    if (ddl == null) {
      throw new StorageException("table " + table + " vanished from the session file");
    }
    try (Statement s = c.createStatement()) {
      s.execute(CREATE_TABLE.matcher(ddl).replaceFirst("CREATE TEMP TABLE "));
      shadowed.add(table);
      s.execute("INSERT INTO temp." + table + " SELECT * FROM main." + table);
      for (String index : indexes) {
        s.execute(CREATE_INDEX.matcher(index).replaceFirst("$1temp."));
      }
    }
  }

  private void drop() throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String table : shadowed) {
        s.execute("DROP TABLE IF EXISTS temp." + table);
      }
    }
    shadowed.clear();
  }
}
