package dev.jgram.bench;

import java.util.regex.Pattern;
import org.postgresql.ds.PGSimpleDataSource;
import picocli.CommandLine.Option;

/**
 * The options of {@code --engine postgres}: the server's JDBC URL, the credentials and the
 * number of concurrent sessions. The password comes from the URL or from the environment
 * variable named by {@code --db-password-env}, never from a command-line value, and no message
 * shows it: the URL is only ever printed masked.
 */
final class PostgresOptions {
  private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");
  private static final Pattern URL_USERINFO = Pattern.compile("//([^/@:]*):[^/@]*@");

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
    String s = URL_PASSWORD.matcher(url).replaceAll("$1***");
    return URL_USERINFO.matcher(s).replaceAll("//$1:***@");
  }

  /**
   * A data source for the URL and credentials; nothing is connected yet.
   *
   * @throws IllegalArgumentException naming the masked URL when it is not a PostgreSQL JDBC
   *     URL, or the variable when {@code --db-password-env} names an unset one
   */
  PGSimpleDataSource dataSource() {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    try {
      ds.setURL(jdbcUrl);
    } catch (IllegalArgumentException e) {
      // pgjdbc's own message repeats the URL, password and all: never show it.
      throw new IllegalArgumentException(masked(jdbcUrl) + ": not a PostgreSQL JDBC URL; "
          + "expected jdbc:postgresql://host[:port]/database[?user=...]");
    }
    if (dbPasswordEnv != null) {
      String password = System.getenv(dbPasswordEnv);
      if (password == null) {
        throw new IllegalArgumentException("--db-password-env " + dbPasswordEnv
            + ": environment variable " + dbPasswordEnv + " is not set");
      }
      ds.setPassword(password);
    }
    return ds;
  }
}
