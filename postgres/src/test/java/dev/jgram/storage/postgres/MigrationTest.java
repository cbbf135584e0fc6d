package dev.jgram.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgram.storage.StorageConfig;
import dev.jgram.storage.StorageException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class MigrationTest {
  private final String schema = Pg.freshSchema("migrate");
  private final SessionRef ref = new SessionRef(schema, "m");

  private static final Migrations.Migration V2 = new Migrations.Migration(
      2, "notes", "CREATE TABLE ${schema}.notes (session text PRIMARY KEY, note text)");

  private static final Migrations.Migration BROKEN_V2 = new Migrations.Migration(
      2, "broken", "CREATE TABLE ${schema}.half (x int); SELECT 1/0");

  /** A schema as the first jgram with PostgreSQL left it. */
  private static final Migrations VERSION_1 = new Migrations(List.of(Migrations.V1));

  private void migrate(Migrations migrations) throws SQLException {
    try (Connection c = Pg.pool().getConnection()) {
      migrations.migrate(c, ref);
    }
  }

  private long versionRows() {
    return Pg.queryLong("SELECT count(*) FROM " + schema + ".schema_migrations");
  }

  @Test
  void manyStoragesOpeningAFreshSchemaAtOnceMigrateItExactlyOnce() throws Exception {
    int threads = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<PostgresStorage>> opening = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      String name = "racer" + i;
      opening.add(pool.submit(() -> {
        start.await();
        PostgresStorage s =
            PostgresStorage.create(Pg.pool(), name, schema, StorageConfig.DEFAULTS);
        s.open();
        return s;
      }));
    }
    start.countDown();
    for (Future<PostgresStorage> f : opening) {
      f.get().close();
    }
    pool.shutdown();
    assertThat(versionRows()).isEqualTo(Migrations.ALL.latest());
    assertThat(Pg.queryLong("SELECT count(*) FROM " + schema + ".sessions")).isEqualTo(threads);
  }

  @Test
  void migrationsRacingDirectlyOnOneFreshSchemaAllSucceed() throws Exception {
    int threads = 6;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<Integer>> results = new ArrayList<>();
    Migrations two = new Migrations(List.of(Migrations.V1, V2));
    for (int i = 0; i < threads; i++) {
      results.add(pool.submit(() -> {
        start.await();
        try (Connection c = Pg.pool().getConnection()) {
          two.migrate(c, ref);
          return Migrations.version(c, schema);
        }
      }));
    }
    start.countDown();
    for (Future<Integer> r : results) {
      assertThat(r.get()).isEqualTo(2);
    }
    pool.shutdown();
    assertThat(versionRows()).isEqualTo(2);
  }

  @Test
  void schemaAtAnOlderVersionIsUpgradedByThePendingMigrationsOnly() throws Exception {
    migrate(VERSION_1);
    Pg.exec("INSERT INTO " + schema + ".sessions (name) VALUES ('kept')");
    migrate(new Migrations(List.of(Migrations.V1, V2)));
    assertThat(Pg.queryLong("SELECT max(version) FROM " + schema + ".schema_migrations"))
        .isEqualTo(2);
    assertThat(Pg.queryLong("SELECT count(*) FROM " + schema + ".notes")).isZero();
    assertThat(Pg.queryLong("SELECT count(*) FROM " + schema + ".sessions")).isEqualTo(1);
  }

  @Test
  void failingMigrationLeavesTheSchemaAtItsOldVersionWithNothingHalfDone() throws Exception {
    migrate(VERSION_1);
    assertThatThrownBy(() -> migrate(new Migrations(List.of(Migrations.V1, BROKEN_V2))))
        .isInstanceOf(SQLException.class);
    try (Connection c = Pg.pool().getConnection()) {
      assertThat(Migrations.version(c, schema)).isEqualTo(1);
    }
    assertThat(Pg.queryLong(
        "SELECT count(*) FROM pg_tables WHERE schemaname = ? AND tablename = 'half'", schema))
        .isZero();
  }

  @Test
  void schemaNewerThanThisJgramIsRefusedAndLeftUntouched() throws Exception {
    migrate(Migrations.ALL);
    Pg.exec("INSERT INTO " + schema + ".schema_migrations (version, description)"
        + " VALUES (99, 'from the future')");
    PostgresStorage s = PostgresStorage.create(Pg.pool(), "m", schema, StorageConfig.DEFAULTS);
    assertThatThrownBy(s::open)
        .isInstanceOf(StorageException.class)
        .hasMessage("postgres:" + schema + "/m: schema " + schema + " is at version 99,"
            + " newer than the newest this jgram knows (" + Migrations.ALL.latest()
            + "); upgrade jgram to use it");
    assertThat(Pg.queryLong("SELECT count(*) FROM " + schema + ".sessions")).isZero();
    assertThat(Pg.queryLong("SELECT count(*) FROM " + schema + ".owners")).isZero();
  }

  @Test
  void readOnlyOpenOfASchemaThatWasNeverCreatedCreatesNothing() {
    PostgresStorage s = PostgresStorage.create(
        Pg.pool(), "m", schema, StorageConfig.DEFAULTS.withReadOnly(true));
    assertThatThrownBy(s::open)
        .isInstanceOf(StorageException.class)
        .hasMessage("postgres:" + schema + "/m: schema " + schema + " is at version 0, expected "
            + Migrations.ALL.latest() + "; open it once read-write to create or migrate it");
    assertThat(Pg.queryLong(
        "SELECT count(*) FROM pg_namespace WHERE nspname = ?", schema)).isZero();
  }
}
