package dev.jgram.storage.postgres;

import dev.jgram.storage.StorageException;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A storage's life (not open, open, closed) and its one connection: every call goes through
 * here, one at a time. When the connection is lost the lease is lost with it; the next call
 * connects again and takes the lease anew, or fails naming whoever took it meanwhile.
 */
final class Guard {
  private enum State { NEW, OPEN, CLOSED }

  private final DataSource dataSource;
  private final SessionRef ref;
  private final boolean readOnly;
  private final PeerCache cache;
  private State state = State.NEW;
  private Link link;

  Guard(DataSource dataSource, SessionRef ref, boolean readOnly, PeerCache cache) {
    this.dataSource = dataSource;
    this.ref = ref;
    this.readOnly = readOnly;
    this.cache = cache;
  }

  synchronized boolean isNew() {
    return state == State.NEW;
  }

  synchronized void open() {
    if (state != State.NEW) {
      throw new IllegalStateException(ref.describe()
          + (state == State.OPEN ? ": storage is already open" : ": storage is closed"));
    }
    link = Link.connect(dataSource, ref, readOnly);
    state = State.OPEN;
  }

  synchronized void close() {
    state = State.CLOSED;
    if (link != null) {
      link.close();
      link = null;
    }
  }

  /** Runs a write; read-only storages refuse it. */
  void update(String action, Sql.Step step) {
    write(action, c -> {
      step.run(c);
      return null;
    });
  }

  /** Runs a write with a result; read-only storages refuse it. */
  synchronized <T> T write(String action, Sql.Work<T> work) {
    if (readOnly) {
      checkOpen();
      throw new StorageException(ref.describe() + ": storage is read-only; cannot " + action);
    }
    return read(action, work);
  }

  /** Runs {@code work} on the connection, translating failures into StorageExceptions. */
  synchronized <T> T read(String action, Sql.Work<T> work) {
    checkOpen();
    if (link == null) {
      link = Link.connect(dataSource, ref, readOnly);
    }
    try {
      return work.run(link.connection());
    } catch (SQLException e) {
      if (Sql.isConnectionLoss(e) || link.isClosed()) {
        // Whoever owned the session meanwhile may have written: forget what was cached.
        cache.clear();
        link.close();
        link = null;
      }
      throw Sql.failure(ref.describe(), action, e);
    }
  }

  private void checkOpen() {
    if (state != State.OPEN) {
      throw new IllegalStateException(ref.describe()
          + (state == State.NEW ? ": storage is not open" : ": storage is closed"));
    }
  }
}
