package dev.jgram.cli;

import dev.jgram.storage.StorageConfig;
import dev.jgram.storage.postgres.PostgresDataSources;
import dev.jgram.storage.postgres.PostgresStorage;
import org.postgresql.ds.PGSimpleDataSource;
import picocli.CommandLine.Option;

/**
 * Where {@code jgram convert} finds a PostgreSQL session: the JDBC URL, the session name and
 * schema, and the credentials. The password comes from the URL or from an environment variable
 * named by {@code --db-password-env}, never from a command-line value, and no message ever shows
 * it: the URL is always printed with its password masked.
 */
final class PostgresOptions {
  @Option(names = "--jdbc-url", paramLabel = "<url>",
      description = "PostgreSQL JDBC URL, e.g. jdbc:postgresql://host:5432/db?user=u "
          + "(for --to postgres or a postgres input).")
  String jdbcUrl;

  @Option(names = "--name", paramLabel = "<name>",
      description = "The PostgreSQL session name (account tag) --to postgres writes, or the "
          + "one a bare 'postgres' input reads.")
  String name;

  @Option(names = "--schema", paramLabel = "<schema>", defaultValue = PostgresStorage.DEFAULT_SCHEMA,
      description = "The PostgreSQL schema holding jgram's tables (default: ${DEFAULT-VALUE}).")
  String schema;

  @Option(names = "--db-user", paramLabel = "<user>",
      description = "The PostgreSQL user, if the URL names none.")
  String dbUser;

  @Option(names = "--db-password-env", paramLabel = "<VAR>",
      description = "Read the PostgreSQL password from environment variable VAR.")
  String dbPasswordEnv;

  /** The URL with any password replaced by {@code ***}, safe to print. */
  String safeUrl() {
    return PostgresDataSources.masked(jdbcUrl);
  }

  /**
   * A data source for the URL and credentials (nothing is connected yet).
   *
   * @throws CliException naming the masked URL when it is not a PostgreSQL JDBC URL, or the
   *     variable when {@code --db-password-env} names an unset one
   */
  PGSimpleDataSource dataSource() {
    String password = null;
    if (dbPasswordEnv != null) {
      password = System.getenv(dbPasswordEnv);
      if (password == null) {
        throw new CliException("--db-password-env " + dbPasswordEnv
            + ": environment variable " + dbPasswordEnv + " is not set");
      }
    }
    try {
      return PostgresDataSources.of(jdbcUrl, dbUser, password);
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage());
    }
  }

  /** A storage for session {@code sessionName} in {@link #schema} (not opened). */
  PostgresStorage storage(PGSimpleDataSource ds, String sessionName, StorageConfig config) {
    try {
      return PostgresStorage.create(ds, sessionName, schema, config);
    } catch (IllegalArgumentException e) {
      throw new CliException("postgres: " + e.getMessage(), e);
    }
  }
}
