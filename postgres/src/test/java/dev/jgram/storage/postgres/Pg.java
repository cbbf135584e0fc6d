package dev.jgram.storage.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * The tests' PostgreSQL ({@link EmbeddedPg}, one for the whole test JVM) and a HikariCP pool
 * over it.
 */
final class Pg {
  private static final AtomicInteger NAMES = new AtomicInteger();
  private static HikariDataSource pool;

  private Pg() {}

  /** The shared server ({@link EmbeddedPg}). */
  static EmbeddedPostgres server() {
    return EmbeddedPg.server();
  }

  /** A JDBC URL of the shared server's {@code postgres} database. */
  static String jdbcUrl() {
    return server().getJdbcUrl("postgres", "postgres");
  }

  /** The shared pool (the tests' stand-in for a caller-owned HikariCP pool). */
  static synchronized DataSource pool() {
    if (pool == null) {
      HikariConfig config = new HikariConfig();
      config.setDataSource(server().getPostgresDatabase());
      config.setMaximumPoolSize(120);
      config.setPoolName("jgram-test");
      pool = new HikariDataSource(config);
    }
    return pool;
  }

  /** A schema name no other test uses. */
  static String freshSchema(String prefix) {
    return prefix + "_" + NAMES.incrementAndGet() + "_" + ProcessHandle.current().pid();
  }

  /** Runs SQL on a connection of its own (as an administrator would). */
  static void exec(String sql) {
    try (Connection c = server().getPostgresDatabase().getConnection();
        Statement st = c.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** The first column of the first row of a query, as a long. */
  static long queryLong(String sql, Object... params) {
    try (Connection c = server().getPostgresDatabase().getConnection();
        PreparedStatement st = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        st.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? rs.getLong(1) : -1;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** Ends the backend that owns session {@code name}'s lease, as if its process died. */
  static void terminateOwner(String schema, String name) {
    long backend = queryLong(
        "SELECT backend_pid FROM \"" + schema + "\".owners WHERE session = ?", name);
    if (backend < 0) {
      throw new IllegalStateException("no owner row for " + name);
    }
    queryLong("SELECT pg_terminate_backend(?::int)::int", backend);
    awaitBackendGone(backend);
  }

  /** Waits until a terminated backend has left pg_stat_activity (and released its locks). */
  static void awaitBackendGone(long backend) {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (queryLong("SELECT count(*) FROM pg_stat_activity WHERE pid = ?::int", backend) > 0
        || queryLong("SELECT count(*) FROM pg_locks WHERE pid = ?::int", backend) > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("backend " + backend + " did not exit in 30 s");
      }
      Thread.onSpinWait();
    }
  }
}
