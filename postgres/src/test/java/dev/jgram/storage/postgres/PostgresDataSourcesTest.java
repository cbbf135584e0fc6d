package dev.jgram.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class PostgresDataSourcesTest {
  @Test
  void aPasswordInTheUrlIsMaskedWhereverItStands() {
    assertThat(PostgresDataSources.masked("jdbc:postgresql://db/x?user=u&password=hunter2&ssl=1"))
        .isEqualTo("jdbc:postgresql://db/x?user=u&password=***&ssl=1");
    assertThat(PostgresDataSources.masked("jdbc:postgresql://u:hunter2@db:5432/x"))
        .isEqualTo("jdbc:postgresql://u:***@db:5432/x");
    assertThat(PostgresDataSources.masked("jdbc:postgresql://db/x?PASSWORD=hunter2"))
        .doesNotContain("hunter2");
    assertThat(PostgresDataSources.masked(null)).isNull();
  }

  @Test
  void aUrlThatIsNotPostgresIsRefusedWithoutItsPassword() {
    assertThatThrownBy(() -> PostgresDataSources.of("jdbc:mysql://db/x?password=hunter2", null,
        null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("jdbc:mysql://db/x?password=***: not a PostgreSQL JDBC URL; expected "
            + "jdbc:postgresql://host[:port]/database[?user=...]");
  }

  @Test
  void theUserAndPasswordGivenApartFromTheUrlAreTaken() {
    PGSimpleDataSource ds = PostgresDataSources.of("jdbc:postgresql://db:5433/x", "alice",
        "secret");
    assertThat(ds.getUser()).isEqualTo("alice");
    assertThat(ds.getPassword()).isEqualTo("secret");
    assertThat(ds.getPortNumbers()).containsExactly(5433);
    assertThat(ds.getDatabaseName()).isEqualTo("x");
  }
}
