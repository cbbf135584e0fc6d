package dev.jgram.storage.postgres;

import java.util.regex.Pattern;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * PostgreSQL data sources from a JDBC URL, for jgram's tools, made so that no message ever
 * shows a password: the URL is only ever shown {@linkplain #masked masked}.
 */
public final class PostgresDataSources {
  private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");
  private static final Pattern URL_USERINFO = Pattern.compile("//([^/@:]*):[^/@]*@");

  private PostgresDataSources() {}

  /** {@code jdbcUrl} with any password (a {@code password=} parameter, user info) as ***. */
  public static String masked(String jdbcUrl) {
    if (jdbcUrl == null) {
      return null;
    }
    String s = URL_PASSWORD.matcher(jdbcUrl).replaceAll("$1***");
    return URL_USERINFO.matcher(s).replaceAll("//$1:***@");
  }

  /**
   * A data source for {@code jdbcUrl}; nothing is connected yet.
   *
   * @param user the user, if the URL names none; null to leave it to the URL
   * @param password the password, if the URL holds none; null to leave it to the URL
   * @throws IllegalArgumentException naming the masked URL when it is not a PostgreSQL JDBC URL
   */
  public static PGSimpleDataSource of(String jdbcUrl, String user, String password) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    try {
      ds.setURL(jdbcUrl);
    } catch (IllegalArgumentException e) {
      // pgjdbc's own message repeats the URL, password and all: never show it.
      throw new IllegalArgumentException(masked(jdbcUrl) + ": not a PostgreSQL JDBC URL; "
          + "expected jdbc:postgresql://host[:port]/database[?user=...]");
    }
    if (user != null) {
      ds.setUser(user);
    }
    if (password != null) {
      ds.setPassword(password);
    }
    return ds;
  }
}
