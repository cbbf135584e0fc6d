package dev.jgram.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgram.storage.AuthKey;
import dev.jgram.storage.PyrogramSessionString;
import dev.jgram.storage.Session;
import dev.jgram.storage.StorageConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * jgram issue 20: api_id is Pyrogram's unsigned 32-bit number. The PostgreSQL engine stores
 * the real value (0..4294967295) and migration 2 turns the negative numbers version 1 kept for
 * api_ids of 2<sup>31</sup> and above into those values.
 */
class ApiIdTest {
  private final String schema = Pg.freshSchema("apiid");

  private static Session session(long apiId) {
    byte[] key = new byte[AuthKey.LENGTH];
    key[0] = 7;
    return new Session(2, apiId, false, AuthKey.of(key), 0, 987654321L, false);
  }

  private PostgresStorage open(String name) {
    PostgresStorage s = PostgresStorage.create(Pg.pool(), name, schema, StorageConfig.DEFAULTS);
    s.open();
    return s;
  }

  private long storedApiId(String name) {
    return Pg.queryLong("SELECT api_id FROM " + schema + ".sessions WHERE name = ?", name);
  }

  @ParameterizedTest
  @ValueSource(longs = {0L, 2147483647L, 2147483648L, 4294967295L})
  void everyUnsigned32BitApiIdIsStoredAndReadAsItself(long apiId) {
    try (PostgresStorage s = open("s")) {
      s.session(session(apiId));
      assertThat(s.session().apiId()).isEqualTo(apiId);
      assertThat(PyrogramSessionString.decode(s.exportSessionString()).apiId()).isEqualTo(apiId);
    }
    assertThat(storedApiId("s")).isEqualTo(apiId);
    try (PostgresStorage again = open("s")) {
      assertThat(again.session().apiId()).isEqualTo(apiId);
    }
  }

  @Test
  void migrationTwoTurnsTheNegativeNumbersOfVersionOneIntoTheRealApiIds() throws SQLException {
    try (Connection c = Pg.pool().getConnection()) {
      new Migrations(List.of(Migrations.V1)).migrate(c, new SessionRef(schema, "old"));
    }
    Pg.exec("INSERT INTO " + schema + ".sessions (name, api_id) VALUES ('high', -2147483648), "
        + "('max', -1), ('small', 12345), ('none', NULL)");

    try (PostgresStorage s = open("high")) {
      assertThat(s.session().apiId()).isEqualTo(2147483648L);
    }
    assertThat(storedApiId("high")).isEqualTo(2147483648L);
    assertThat(storedApiId("max")).isEqualTo(4294967295L);
    assertThat(storedApiId("small")).isEqualTo(12345L);
    assertThat(Pg.queryLong("SELECT count(*) FROM " + schema + ".sessions WHERE name = 'none' "
        + "AND api_id IS NULL")).isEqualTo(1);
    assertThat(Pg.queryLong("SELECT max(version) FROM " + schema + ".schema_migrations"))
        .isEqualTo(Migrations.ALL.latest());
  }

  @Test
  void theColumnRefusesValuesOutsideTheUnsigned32BitRange() {
    try (PostgresStorage s = open("s")) {
      s.session(session(1));
    }
    for (String value : List.of("-1", "4294967296")) {
      assertThatThrownBy(() -> Pg.exec("UPDATE " + schema + ".sessions SET api_id = " + value))
          .rootCause()
          .hasMessageContaining("violates check constraint \"sessions_api_id_uint32\"");
    }
  }
}
