package dev.jgram.storage.file;

import dev.jgram.storage.StorageException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * How {@link SqliteStorage} runs its calls on its connection: a write in its own transaction,
 * committed before it returns (entering WAL at the first one) or rolled back whole; a read as
 * it is (a read-only storage's in a read transaction); and every failure as a {@link StorageException} that names the file and the call.
 */
final class SqliteCalls {
  /** A call's SQL work. */
  @FunctionalInterface
  interface SqlRead<T> {
    T run() throws SQLException;
  }

  /**
   * SQL work that returns nothing: a write's, run inside its transaction, or a step around
   * one (re-reading state after a rollback, freeing statements after a commit).
   */
  @FunctionalInterface
  interface SqlStep {
    void run() throws SQLException;
  }

  private final Connection c;
  private final Path file;
  private final SqlStep afterRollback;
  private final LazyStatement begin;
  private final LazyStatement commit;
  /** For a read-only storage: BEGIN, so that a call reads one snapshot of the file. */
  private final LazyStatement beginRead;
  private MemoryTrim trim;
  private boolean wal;

  /**
   * Calls on {@code c}; with {@code snapshots} (a read-only storage, whose file another process
   * may write meanwhile) each read runs in a read transaction of its own.
   */
  SqliteCalls(Connection c, Path file, SqlStep afterRollback, boolean snapshots) {
    this.c = c;
    this.file = file;
    this.afterRollback = afterRollback;
    this.begin = new LazyStatement(c, "BEGIN IMMEDIATE");
    this.commit = new LazyStatement(c, "COMMIT");
    this.beginRead = snapshots ? new LazyStatement(c, "BEGIN") : null;
  }

  /** After each committed write, {@code trim} gives back what a small file need not keep. */
  void trimAfterWrites(MemoryTrim trim) {
    this.trim = trim;
  }

  /** Frees the compiled transaction statements; the next write compiles them again. */
  void releaseStatements() throws SQLException {
    LazyStatement.closeAll(begin, commit);
  }

  <T> T read(String what, SqlRead<T> action) {
    try {
      if (beginRead == null) {
        return action.run();
      }
      beginRead.get().execute();
      try {
        return action.run();
      } finally {
        commit.get().execute();
      }
    } catch (SQLException e) {
      throw failure(file, what, e);
    } catch (StorageException e) {
      throw named(what, e);
    }
  }

  /** Runs {@code action} in its own committed transaction. */
  void write(String what, SqlStep action) {
    try {
      if (!wal) {
        wal = SqliteOpener.enterWal(c, file);
      }
      begin.get().execute();
      try {
        action.run();
        commit.get().execute();
        if (trim != null) {
          trim.afterWrite(); // a small file gives back its SQLite memory
        }
      } catch (SQLException | RuntimeException e) {
        try (Statement s = c.createStatement()) {
          s.execute("ROLLBACK");
        } catch (SQLException ignored) {
          // the transaction is gone already
        }
        afterRollback.run();
        throw e;
      }
    } catch (SQLException e) {
      throw failure(file, what, e);
    } catch (StorageException e) {
      throw named(what, e);
    }
  }

  static StorageException failure(Path file, String what, SQLException e) {
    return new StorageException(file + ": cannot " + what + ": " + e.getMessage(), e);
  }

  /**
   * A plain StorageException from inside (a bad row in the file, say) with the file's name
   * added; typed ones (locked, too new...) already say what they concern and pass unchanged.
   */
  private StorageException named(String what, StorageException e) {
    if (e.getClass() != StorageException.class || e.getMessage().startsWith(file.toString())) {
      return e;
    }
    return new StorageException(file + ": cannot " + what + ": " + e.getMessage(), e);
  }
}
