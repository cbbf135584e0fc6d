package dev.jgram.storage.postgres;

import dev.jgram.storage.Storage;
import dev.jgram.storage.StorageConfig;
import dev.jgram.storage.PersistentStorageContractTest;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the engine contract against PostgreSQL: every fresh storage is a new session name in
 * one shared schema, so the suite also proves that sessions never see each other's rows.
 */
class PostgresStorageContractTest extends PersistentStorageContractTest {
  private static final String SCHEMA = Pg.freshSchema("contract");
  private static final AtomicInteger SESSIONS = new AtomicInteger();

  private String lastSession;

  @Override
  protected Storage newStorage(StorageConfig config) {
    lastSession = "session" + SESSIONS.incrementAndGet();
    return PostgresStorage.create(Pg.pool(), lastSession, SCHEMA, config);
  }

  @Override
  protected Optional<Storage> reopen(StorageConfig config) {
    return Optional.of(PostgresStorage.create(Pg.pool(), lastSession, SCHEMA, config));
  }
}
