package dev.jgram.storage.postgres;

import dev.jgram.storage.StorageException;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** JDBC plumbing shared by the tables: transactions and error translation. */
final class Sql {
  private Sql() {}

  /** A unit of JDBC work. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** A unit of JDBC work with no result. */
  @FunctionalInterface
  interface Step {
    void run(Connection c) throws SQLException;
  }

  /**
   * Runs {@code work} in one transaction on {@code c}, which is in auto-commit mode before and
   * after. Any failure rolls the whole transaction back.
   */
  static <T> T inTransaction(Connection c, Work<T> work) throws SQLException {
    c.setAutoCommit(false);
    try {
      T result = work.run(c);
      c.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      rollbackQuietly(c, e);
      throw e;
    } finally {
      restoreAutoCommit(c);
    }
  }

  private static void restoreAutoCommit(Connection c) {
    try {
      if (!c.isClosed()) {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      // The connection broke: the failure that broke it is the one the caller sees.
    }
  }

  private static void rollbackQuietly(Connection c, Exception cause) {
    try {
      if (!c.isClosed()) {
        c.rollback();
      }
    } catch (SQLException e) {
      cause.addSuppressed(sanitized(e));
    }
  }

  /**
   * Whether {@code e} means the connection is gone (class 08, or the server ending the
   * backend): the session lease held by that connection is lost with it.
   */
  static boolean isConnectionLoss(SQLException e) {
    String state = e.getSQLState();
    return state != null
        && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
            || state.equals("57P03"));
  }

  /**
   * A {@link StorageException} for a failed {@code action} on storage {@code name}. The
   * message carries the server's primary message and SQLState only: PostgreSQL's detail line
   * may quote a failing row, and a session row holds the auth key.
   */
  static StorageException failure(String name, String action, SQLException e) {
    return new StorageException(
        name + ": cannot " + action + ": " + primaryMessage(e) + " (SQLState " + e.getSQLState()
            + ")",
        sanitized(e));
  }

  /** A copy of {@code e} without the server's detail, hint or failing-row text. */
  static SQLException sanitized(SQLException e) {
    SQLException copy = new SQLException(primaryMessage(e), e.getSQLState(), e.getErrorCode());
    copy.setStackTrace(e.getStackTrace());
    if (e.getCause() != null && !(e.getCause() instanceof SQLException)) {
      copy.initCause(e.getCause());
    }
    return copy;
  }

  private static String primaryMessage(SQLException e) {
    if (e instanceof PSQLException p) {
      ServerErrorMessage server = p.getServerErrorMessage();
      if (server != null && server.getMessage() != null) {
        return server.getMessage();
      }
    }
    return String.valueOf(e.getMessage());
  }
}
