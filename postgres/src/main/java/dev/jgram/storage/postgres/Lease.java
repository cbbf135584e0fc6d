package dev.jgram.storage.postgres;

import dev.jgram.storage.SessionLockedException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;

/**
 * A session's ownership: a session-level advisory lock held by the owner's connection, plus a
 * row in {@code owners} that tells others who holds it (host, pid, since).
 *
 * <p>The lock belongs to the database backend of that one connection, so it lives exactly as
 * long as the connection: when the owner process dies or its connection drops, PostgreSQL ends
 * the backend and the lock frees itself; the stale owner row is overwritten by the next owner.
 * The same connection carries every write of the owner, so no write can outlive the lease.
 *
 * <p>This needs a session-level connection: a pooler in transaction mode (PgBouncer's
 * {@code pool_mode=transaction}) would hand the lock to whichever client used the backend.
 */
final class Lease {
  private static final int OWNER_READS = 5;

  /**
   * A process that dies closes its socket and PostgreSQL ends the backend at once; a host that
   * dies or drops off the network closes nothing, so the backend would hold the lease until
   * TCP keepalive gives up (two hours by default). These probe an idle owner after 60 s, every
   * 10 s, 3 times: a lost host's lease frees itself within about 90 s.
   */
  private static final String KEEPALIVE = "SET tcp_keepalives_idle = 60;"
      + " SET tcp_keepalives_interval = 10; SET tcp_keepalives_count = 3";

  private static final String KEEPALIVE_RESET = "RESET tcp_keepalives_idle;"
      + " RESET tcp_keepalives_interval; RESET tcp_keepalives_count";

  private static final String HOLDER = """
      SELECT pid FROM pg_catalog.pg_locks
      WHERE locktype = 'advisory' AND granted AND objsubid = 1
        AND database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database())
        AND classid = ?::bigint::oid AND objid = ?::bigint::oid""";

  private static final String WRITE_OWNER = """
      INSERT INTO ${schema}.owners (session, host, pid, backend_pid, since)
      VALUES (?, ?, ?, pg_backend_pid(), now())
      ON CONFLICT (session) DO UPDATE SET host = excluded.host, pid = excluded.pid,
        backend_pid = excluded.backend_pid, since = excluded.since""";

  private static final String READ_OWNER =
      "SELECT host, pid, backend_pid, since FROM ${schema}.owners WHERE session = ?";

  private Lease() {}

  /**
   * Takes the lease of {@code ref} on {@code c} at once, or fails naming the owner.
   *
   * @throws SessionLockedException if another connection, anywhere, holds it
   */
  static void acquire(Connection c, SessionRef ref) throws SQLException {
    for (int attempt = 1; ; attempt++) {
      if (tryLock(c, ref)) {
        try {
          announce(c, ref);
        } catch (SQLException e) {
          // A pooled connection must never go back to the pool holding the lease.
          unlockQuietly(c, ref, e);
          throw e;
        }
        return;
      }
      Owner owner = readOwner(c, ref);
      if (owner.confirmed() || attempt == OWNER_READS) {
        throw new SessionLockedException(ref.describe(), owner.host(), owner.pid(), owner.since());
      }
      // The holder took the lock but has not written its owner row yet: look again shortly.
      pause();
    }
  }

  /** Gives the lease up: removes the owner row and unlocks, keeping the connection usable. */
  static void release(Connection c, SessionRef ref) throws SQLException {
    // Unlock first: whatever fails after, the pooled connection must not keep the lease.
    unlock(c, ref);
    try (PreparedStatement st = c.prepareStatement(ref.sql(
        "DELETE FROM ${schema}.owners WHERE session = ? AND backend_pid = pg_backend_pid()"))) {
      st.setString(1, ref.session());
      st.executeUpdate();
    }
    try (Statement st = c.createStatement()) {
      st.execute(KEEPALIVE_RESET);
    }
  }

  private static void announce(Connection c, SessionRef ref) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(KEEPALIVE);
    }
    writeOwner(c, ref);
  }

  private static void unlockQuietly(Connection c, SessionRef ref, SQLException cause) {
    try {
      unlock(c, ref);
    } catch (SQLException e) {
      cause.addSuppressed(Sql.sanitized(e));
    }
  }

  private static void unlock(Connection c, SessionRef ref) throws SQLException {
    try (PreparedStatement st = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
      st.setLong(1, ref.leaseKey());
      st.execute();
    }
  }

  private static boolean tryLock(Connection c, SessionRef ref) throws SQLException {
    try (PreparedStatement st = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
      st.setLong(1, ref.leaseKey());
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  private static void writeOwner(Connection c, SessionRef ref) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(ref.sql(WRITE_OWNER))) {
      st.setString(1, ref.session());
      st.setString(2, HostName.VALUE);
      st.setLong(3, ProcessHandle.current().pid());
      st.executeUpdate();
    }
  }

  /** Who holds the lease; {@code confirmed} when the row's backend is the lock's holder. */
  private record Owner(String host, long pid, String since, boolean confirmed) {}

  private static Owner readOwner(Connection c, SessionRef ref) throws SQLException {
    Integer holder = holderBackend(c, ref.leaseKey());
    try (PreparedStatement st = c.prepareStatement(ref.sql(READ_OWNER))) {
      st.setString(1, ref.session());
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) {
          return new Owner(null, -1, null, false);
        }
        OffsetDateTime since = rs.getObject(4, OffsetDateTime.class);
        boolean confirmed = holder != null && holder == rs.getInt(3);
        return new Owner(rs.getString(1), rs.getLong(2), since.toInstant().toString(), confirmed);
      }
    }
  }

  static Integer holderBackend(Connection c, long key) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(HOLDER)) {
      st.setLong(1, key >>> 32);
      st.setLong(2, key & 0xffffffffL);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? rs.getInt(1) : null;
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** This machine's name, looked up once. */
  private static final class HostName {
    static final String VALUE = lookup();

    private static String lookup() {
      try {
        return InetAddress.getLocalHost().getHostName();
      } catch (UnknownHostException e) {
        String env = System.getenv("HOSTNAME");
        return env == null ? "unknown" : env;
      }
    }
  }
}
