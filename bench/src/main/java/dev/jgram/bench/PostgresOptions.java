package dev.jgram.bench;

import dev.jgram.storage.postgres.PostgresDataSources;
import org.postgresql.ds.PGSimpleDataSource;
import picocli.CommandLine.Option;

/**
 * The options of {@code --engine postgres}: the server's JDBC URL, the credentials and the
 * number of concurrent sessions. The password comes from the URL or from the environment
 * variable named by {@code --db-password-env}, never from a command-line value, and no message
 * shows it: the URL is only ever printed masked.
 */
final class PostgresOptions {
  @Option(names = "--jdbc-url", paramLabel = "URL",
      description = "PostgreSQL JDBC URL for --engine postgres, e.g. "
          + "jdbc:postgresql://host:5432/db?user=u.")
  String jdbcUrl;

  @Option(names = "--db-password-env", paramLabel = "VAR",
      description = "Read the PostgreSQL password from environment variable VAR.")
  String dbPasswordEnv;

  @Option(names = "--sessions", defaultValue = "50", paramLabel = "S",
      description = "Concurrent sessions of --engine postgres (default: 50).")
  int sessions;

  /** {@code url} with any password replaced by {@code ***}. */
  static String masked(String url) {
    return PostgresDataSources.masked(url);
  }

  /**
   * A data source for the URL and credentials; nothing is connected yet.
   *
   * @throws IllegalArgumentException naming the masked URL when it is not a PostgreSQL JDBC
   *     URL, or the variable when {@code --db-password-env} names an unset one
   */
  PGSimpleDataSource dataSource() {
    String password = null;
    if (dbPasswordEnv != null) {
      password = System.getenv(dbPasswordEnv);
      if (password == null) {
        throw new IllegalArgumentException("--db-password-env " + dbPasswordEnv
            + ": environment variable " + dbPasswordEnv + " is not set");
      }
    }
    return PostgresDataSources.of(jdbcUrl, null, password);
  }
}
