package dev.jgram.storage.postgres;

import dev.jgram.storage.StorageException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The one connection a storage borrows for its life: migrated schema, lease taken (unless
 * read-only), session row present. Closing gives the lease up and the connection back.
 */
final class Link {
  private final Connection connection;
  private final SessionRef ref;
  private final boolean leased;

  private Link(Connection connection, SessionRef ref, boolean leased) {
    this.connection = connection;
    this.ref = ref;
    this.leased = leased;
  }

  /**
   * Borrows a connection and prepares it: read-write links migrate the schema, take the lease
   * and create the session row; read-only links check that schema and session exist.
   */
  static Link connect(DataSource dataSource, SessionRef ref, boolean readOnly) {
    Connection c;
    try {
      c = dataSource.getConnection();
    } catch (SQLException e) {
      throw Sql.failure(ref.describe(), "get a connection from the data source", e);
    }
    try {
      c.setAutoCommit(true);
      return readOnly ? inspect(c, ref) : own(c, ref);
    } catch (SQLException e) {
      closeQuietly(c);
      throw Sql.failure(ref.describe(), "open the session", e);
    } catch (RuntimeException e) {
      closeQuietly(c);
      throw e;
    }
  }

  private static Link own(Connection c, SessionRef ref) throws SQLException {
    Migrations.ALL.migrate(c, ref);
    Lease.acquire(c, ref);
    Link link = new Link(c, ref, true);
    try {
      StateTables.ensureSession(c, ref);
    } catch (SQLException e) {
      link.close();
      throw e;
    }
    return link;
  }

  private static Link inspect(Connection c, SessionRef ref) throws SQLException {
    checkInspectable(c, ref);
    c.setReadOnly(true);
    return new Link(c, ref, false);
  }

  private static void checkInspectable(Connection c, SessionRef ref) throws SQLException {
    int version = Migrations.ALL.checkedVersion(c, ref);
    if (version < Migrations.ALL.latest()) {
      throw new StorageException(ref.describe() + ": schema " + ref.schema() + " is at version "
          + version + ", expected " + Migrations.ALL.latest()
          + "; open it once read-write to create or migrate it");
    }
    if (!StateTables.sessionExists(c, ref)) {
      throw new StorageException(ref.describe() + ": no session named '" + ref.session()
          + "' in schema " + ref.schema());
    }
  }

  Connection connection() {
    return connection;
  }

  boolean isClosed() {
    try {
      return connection.isClosed();
    } catch (SQLException e) {
      return true;
    }
  }

  /**
   * Unlocks (so a pooled connection never carries the lease to its next borrower) and gives the
   * connection back. On a dead connection the lock is already gone with its backend.
   */
  void close() {
    try {
      if (leased && !connection.isClosed()) {
        Lease.release(connection, ref);
      }
      if (!connection.isClosed() && connection.isReadOnly()) {
        connection.setReadOnly(false);
      }
    } catch (SQLException e) {
      // The connection is broken: PostgreSQL ended its backend, and the lock with it.
    } finally {
      closeQuietly(connection);
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      // Nothing left to give back.
    }
  }
}
