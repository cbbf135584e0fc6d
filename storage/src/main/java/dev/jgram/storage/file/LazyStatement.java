package dev.jgram.storage.file;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A prepared statement that is compiled on first use and then kept for the connection's life.
 *
 * <p>A compiled SQLite statement costs native memory (2 to 30 KiB, by the SQL), and a session
 * prepares a statement for every operation it might run; preparing each only when it is first
 * run means an open session pays for the operations it actually uses, which for a session
 * that only takes peers is a third of them. A statement once made is reused for every later
 * call, so the hot paths compile nothing.
 */
final class LazyStatement implements AutoCloseable {
  private final Connection c;
  private final String sql;
  private PreparedStatement statement;

  /** A statement of {@code sql} on {@code c}, not yet compiled. */
  LazyStatement(Connection c, String sql) {
    this.c = c;
    this.sql = sql;
  }

  /** A lazy statement of {@code sql}, or null when {@code sql} is null (nothing to run). */
  static LazyStatement ofNullable(Connection c, String sql) {
    return sql == null ? null : new LazyStatement(c, sql);
  }

  /** The statement, compiled now if this is its first use. */
  PreparedStatement get() throws SQLException {
    PreparedStatement s = statement;
    if (s == null) {
      s = c.prepareStatement(sql);
      statement = s;
    }
    return s;
  }

  /** Runs the query; returns its first row's first column as a long (0 if NULL or no row). */
  long queryLong() throws SQLException {
    try (ResultSet rs = get().executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  /** Whether the statement has been compiled (and not closed since). */
  boolean prepared() {
    return statement != null;
  }

  /** Frees the compiled statement, if any; a later {@link #get()} compiles it again. */
  @Override
  public void close() throws SQLException {
    PreparedStatement s = statement;
    statement = null;
    if (s != null) {
      s.close();
    }
  }

  /** Closes every non-null statement of {@code all}, then throws the first failure if any. */
  static void closeAll(LazyStatement... all) throws SQLException {
    SQLException first = null;
    for (LazyStatement s : all) {
      try {
        if (s != null) {
          s.close();
        }
      } catch (SQLException e) {
        if (first == null) {
          first = e;
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
