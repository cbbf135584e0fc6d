package dev.jgram.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** What the storage does to the connection it borrows, and how it gives it back. */
class LinkTest {
  private final SessionRef ref = new SessionRef(Pg.freshSchema("link"), "alice");

  private static String query(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static String setting(Connection c, String name) throws SQLException {
    return query(c, "SELECT setting FROM pg_settings WHERE name = '" + name + "'");
  }

  @Test
  void leaseConnectionProbesAnIdleOwnerSoALostHostFreesItsLease() throws Exception {
    try (Connection physical = Pg.server().getPostgresDatabase().getConnection()) {
      Link link = Link.connect(new OneConnection(physical), ref, false);
      assertThat(setting(physical, "tcp_keepalives_idle")).isEqualTo("60");
      assertThat(setting(physical, "tcp_keepalives_interval")).isEqualTo("10");
      assertThat(setting(physical, "tcp_keepalives_count")).isEqualTo("3");
      link.close();
    }
  }

  @Test
  void givenBackTheConnectionHoldsNoLockAndItsSettingsAreReset() throws Exception {
    try (Connection physical = Pg.server().getPostgresDatabase().getConnection()) {
      String idle = setting(physical, "tcp_keepalives_idle");
      Link.connect(new OneConnection(physical), ref, false).close();
      assertThat(physical.isClosed()).isFalse();
      assertThat(physical.getAutoCommit()).isTrue();
      assertThat(setting(physical, "tcp_keepalives_idle")).isEqualTo(idle).isNotEqualTo("60");
      assertThat(query(physical,
          "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()"))
          .isEqualTo("0");
    }
  }

  /** A data source that lends one physical connection and ignores its close, like a pool. */
  private static final class OneConnection implements DataSource {
    private final Connection physical;

    OneConnection(Connection physical) {
      this.physical = physical;
    }

    @Override
    public Connection getConnection() {
      return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
          new Class<?>[] {Connection.class}, (proxy, method, args) -> {
            if (method.getName().equals("close")) {
              return null;
            }
            try {
              return method.invoke(physical, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          });
    }

    @Override
    public Connection getConnection(String user, String password) {
      return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() {
      return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
      return false;
    }
  }
}
