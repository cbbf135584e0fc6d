package dev.jgram.cli;

import dev.jgram.storage.postgres.EmbeddedPg;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * The tests' PostgreSQL: the postgres module's {@link EmbeddedPg} (one real server for the test
 * JVM, from its test-jar), with the names and connections these tests use.
 */
final class Pg {
  private static final AtomicInteger NAMES = new AtomicInteger();

  private Pg() {}

  /** The JDBC URL of the {@code postgres} database, user in the URL. */
  static String jdbcUrl() {
    return EmbeddedPg.server().getJdbcUrl("postgres", "postgres");
  }

  /** A data source of the {@code postgres} database (as another process would use). */
  static DataSource dataSource() {
    return EmbeddedPg.server().getPostgresDatabase();
  }

  /** A session name no other test uses. */
  static String freshName(String prefix) {
    return prefix + "_" + NAMES.incrementAndGet();
  }
}
