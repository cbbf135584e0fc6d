package dev.jgram.cli;

import dev.jgram.storage.SessionLockedException;
import dev.jgram.storage.Storage;
import dev.jgram.storage.StorageConfig;
import dev.jgram.storage.StorageCopy;
import dev.jgram.storage.StorageException;
import dev.jgram.storage.postgres.PostgresStorage;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Moves sessions into and out of PostgreSQL for {@code jgram convert}: whole storages are
 * copied with {@link StorageCopy}, so peers keep their timestamps and the update state, channel
 * pts and a key revocation come along.
 */
final class PostgresConvert {
  /** The input argument prefix naming a PostgreSQL session: {@code postgres:<name>}. */
  static final String INPUT_PREFIX = "postgres:";

  private final PostgresOptions options;
  private final StorageConfig config;
  private PGSimpleDataSource dataSource;

  PostgresConvert(PostgresOptions options, Clock clock) {
    this.options = options;
    this.config = StorageConfig.DEFAULTS.withClock(clock);
  }

  /** Whether {@code input} names a PostgreSQL session ({@code postgres} or {@code postgres:N}). */
  static boolean isInput(String input) {
    return input.equals("postgres") || input.startsWith(INPUT_PREFIX);
  }

  /** {@code postgres:<schema>/<name>}, the label messages use. */
  String label(String name) {
    return "postgres:" + options.schema + "/" + name;
  }

  /**
   * Opens session {@code name} read-only: no lease, so it can be read while a client owns it.
   *
   * @throws CliException naming the masked URL if the database cannot be reached or the
   *     session does not exist
   */
  PostgresStorage openSource(String name) {
    PostgresStorage source = options.storage(dataSource(), name, config.withReadOnly(true));
    try {
      source.open();
      return source;
    } catch (StorageException e) {
      throw failure(e);
    }
  }

  /**
   * Copies {@code source} into session {@code name}, holding its lease throughout.
   *
   * @param force whether an existing session (a session row or peers) is replaced
   * @return how many peers were copied
   * @throws SessionLockedException naming the owner when another process holds the session
   * @throws CliException when the session exists and {@code force} is not given
   */
  long copyInto(Storage source, String name, boolean force) {
    boolean existed = exists(name);
    PostgresStorage target = openOwned(name);
    try {
      if (existed) {
        if (!force) {
          throw new CliException(label(name) + " at " + options.safeUrl() + ": already exists "
              + "(a session row or peers); pass --force to replace it");
        }
        target.delete();
        target = openOwned(name);
      }
      return copyOrDelete(source, target);
    } finally {
      target.close();
    }
  }

  /** Copies a PostgreSQL session into a new Pyrogram file; removes the file if that fails. */
  static long copyToFile(Storage source, Path out, StorageConfig config) {
    boolean stored = false;
    try (Storage file = Storage.file(out, config)) {
      file.open();
      long peers = StorageCopy.copy(source, file);
      stored = true;
      return peers;
    } finally {
      if (!stored) {
        OutputTarget.removeQuietly(out);
      }
    }
  }

  private static long copyOrDelete(Storage source, PostgresStorage target) {
    boolean copied = false;
    try {
      long peers = StorageCopy.copy(source, target);
      copied = true;
      return peers;
    } finally {
      if (!copied) {
        deleteQuietly(target);
      }
    }
  }

  private static void deleteQuietly(PostgresStorage target) {
    try {
      target.delete();
    } catch (RuntimeException e) {
      // best effort: the failure that brought us here is what the user needs to see
    }
  }

  /** Whether the session has a row already; a database failure is reported, not guessed. */
  private boolean exists(String name) {
    try (PostgresStorage probe = options.storage(dataSource(), name, config.withReadOnly(true))) {
      probe.open();
      return true;
    } catch (StorageException e) {
      if (e.getCause() instanceof SQLException) {
        throw failure(e);
      }
      return false; // no such session, or the schema is not created yet
    }
  }

  private PostgresStorage openOwned(String name) {
    PostgresStorage target = options.storage(dataSource(), name, config);
    try {
      target.open();
      return target;
    } catch (SessionLockedException e) {
      throw e;
    } catch (StorageException e) {
      throw failure(e);
    }
  }

  private CliException failure(StorageException e) {
    return new CliException(options.safeUrl() + ": " + e.getMessage(), e);
  }

  private PGSimpleDataSource dataSource() {
    if (dataSource == null) {
      dataSource = options.dataSource();
    }
    return dataSource;
  }
}
