package dev.jgram.cli;

import static dev.jgram.cli.CliRun.jgram;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code jgram info} on kurigram's schema 7, whose session row stores the server address. */
class InfoKurigram7Test {
  @TempDir Path dir;

  /** The kurigram v6 fixture migrated as kurigram's 6 -> 7 step does (columns appended). */
  private Path kurigram7(String address, int port) throws SQLException {
    Path file = Fixtures.copy("kurigram-v6-user.session", dir);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute("ALTER TABLE sessions ADD server_address TEXT");
      s.execute("ALTER TABLE sessions ADD port INTEGER");
      s.execute("UPDATE sessions SET server_address = '" + address + "', port = " + port);
      s.execute("UPDATE version SET number = 7");
    }
    return file;
  }

  private static JsonNode info(Path file) throws Exception {
    CliRun.Result r = jgram("info", "--json", file.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    return Json.mapper().readTree(r.out());
  }

  @ParameterizedTest
  @CsvSource({"149.154.167.51, 443", "10.20.30.40, 8443", "2001:67c:4e8:f002::a, 80"})
  void aKurigram7FileReportsTheServerAddressAndPortItStores(String address, int port)
      throws Exception {
    JsonNode json = info(kurigram7(address, port));

    assertThat(json.path("schema_version").asInt()).isEqualTo(7);
    assertThat(json.path("server_address").asText()).isEqualTo(address);
    assertThat(json.path("port").asInt()).isEqualTo(port);
  }

  @Test
  void theTextReportShowsTheStoredServer() throws Exception {
    Path file = kurigram7("10.20.30.40", 8443);

    CliRun.Result r = jgram("info", file.toString());

    assertThat(r.out()).contains("server        10.20.30.40 port 8443");
  }

  @Test
  void aPyrogramFileWithoutTheColumnsReportsNull() throws Exception {
    JsonNode json = info(Fixtures.copy("pyrogram-v3-user.session", dir));

    assertThat(json.get("server_address").isNull()).isTrue();
    assertThat(json.get("port").isNull()).isTrue();
  }
}
