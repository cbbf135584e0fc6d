package dev.jgram.storage.file;

import dev.jgram.storage.DcKey;
import dev.jgram.storage.InputPeer;
import dev.jgram.storage.Peer;
import dev.jgram.storage.Session;
import dev.jgram.storage.Storage;
import dev.jgram.storage.StorageConfig;
import dev.jgram.storage.StorageException;
import dev.jgram.storage.UpdateState;
import dev.jgram.storage.lock.SessionLock;
import dev.jgram.storage.sqlite.SqliteFiles;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * The file engine: a Pyrogram-compatible SQLite {@code .session} file (schema 3, exact DDL),
 * with jgram's additions in {@code jgram_*} tables (see {@link SqliteSchema}).
 *
 * <p>While open, the file is owned through {@link SessionLock}; from the first write on it is
 * in WAL mode, and every write call commits its own transaction before it returns, so a
 * killed process loses nothing it was told was written. Peers are committed to the
 * {@link PeerLog} and merged into {@code peers} many batches at a time (when the log is full,
 * on close, and on the next open after a crash); reads are answered meanwhile by
 * {@link PeerLookups}, which holds the logged peers in memory over the file's rows. On close the
 * WAL is checkpointed and the file returned to rollback journal mode: the {@code .session} is
 * then one self-contained
 * file, as Pyrogram writes it, that can be copied alone and that Pyrogram (whose own files are
 * in rollback mode, and which VACUUMs on open) reads without meeting WAL side files. Entering
 * WAL at the first write rather than on open keeps an open that only reads free of the
 * switch's exclusive lock and syncs. No VACUUM on open.
 *
 * <p>All methods are synchronized: one JDBC connection serves one caller at a time. Statements are
 * compiled at their first use, and a small file gives back its page cache and statements
 * after each write ({@link MemoryTrim}), so that an open idle session holds little more than
 * its connection and its cache.
 */
public final class SqliteStorage implements Storage {
  private enum State { NEW, OPEN, CLOSED }

  private final Path file;
  private final StorageConfig config;
  private State state = State.NEW;
  private SessionLock lock;
  private Connection c;
  private SqliteOpener.Opened opened;
  private SqlitePeers peers;
  private PeerLookups lookups;
  private SqliteState rows;
  private DcKeyRows dcKeys;
  private Session session;
  private SqliteCalls calls;

  /** An unopened storage of {@code file}; nothing is read or created before {@link #open}. */
  public SqliteStorage(Path file, StorageConfig config) {
    this.file = file;
    this.config = config;
  }

  @Override
  public String name() {
    return file.toString();
  }

  @Override
  public synchronized void open() {
    if (state != State.NEW) {
      throw new IllegalStateException(name() + (state == State.OPEN
          ? ": storage is already open" : ": storage is closed"));
    }
    SqliteOpener.Opened opened;
    AuthKeyAtRest keys = null;
    if (config.readOnly()) {
      opened = SqliteOpener.openReadOnly(file);
    } else {
      lock = SessionLock.acquire(file);
      try {
        keys = AuthKeyAtRest.beforeOpening(file, config.encryption()); // no write before this
        opened = SqliteOpener.openWritable(file);
      } catch (RuntimeException e) {
        lock.close();
        throw e;
      }
    }
    try {
      start(opened, keys);
    } catch (SQLException | RuntimeException e) {
      opened.close();
      if (lock != null) {
        lock.close();
      }
      throw e instanceof RuntimeException r ? r
          : SqliteCalls.failure(file, "open", (SQLException) e);
    }
  }

  private void start(SqliteOpener.Opened opened, AuthKeyAtRest unlocked) throws SQLException {
    this.opened = opened;
    c = opened.connection();
    AuthKeyAtRest keys = unlocked != null ? unlocked
        : AuthKeyAtRest.unlock(c, opened.layout(), name(), config.encryption());
    peers = new SqlitePeers(c, opened.layout(), !config.readOnly());
    rows = new SqliteState(c, opened.layout(), !config.readOnly(), keys);
    dcKeys = new DcKeyRows(c, keys);
    calls = new SqliteCalls(c, file, peers::rolledBack, config.readOnly());
    lookups = new PeerLookups(c, peers, config, opened.layout().hasTable(PeerLog.TABLE));
    session = rows.readSession();
    if (!config.readOnly()) {
      MemoryTrim trim = new MemoryTrim(c, peers::releaseStatements, rows::releaseStatements,
          calls::releaseStatements);
      calls.trimAfterWrites(trim);
      if (rows.keyNeedsSealing()) {
        write("seal the auth key", () -> rows.writeSession(session)); // asked to encrypt it
      }
      trim.afterWrite();
    }
    if (peers.pending() > 0) { // peers a killed owner logged but did not merge
      read("read the peer log", () -> {
        lookups.loadLog();
        return null;
      });
      merge(true);
    }
    state = State.OPEN;
  }

  @Override
  public synchronized void save() {
    checkWritable();
    session(session.withDate(config.nowSeconds()));
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA wal_checkpoint(PASSIVE)"); // fsyncs the WAL: durable past power loss
    } catch (SQLException e) {
      throw SqliteCalls.failure(file, "save", e);
    }
  }

  @Override
  public synchronized void close() {
    if (state != State.OPEN) {
      state = State.CLOSED;
      return;
    }
    state = State.CLOSED;
    try {
      if (!config.readOnly()) {
        noCheckpointsBeforeClose();
        merge(false);
      }
    } catch (StorageException e) {
      // The log keeps the peers; the next open merges them.
    }
    try {
      peers.releaseStatements();
      if (!config.readOnly()) {
        leaveWal();
      }
    } catch (SQLException e) {
      // Closing the connection below still releases everything; SQLite recovers the WAL.
    } finally {
      opened.close();
      lookups.clear();
      if (lock != null) {
        lock.close();
      }
    }
  }

  /**
   * Stops SQLite checkpointing after a commit: the close's last merge would otherwise copy its
   * pages, the log's freed ones among them, into the file, and the close's own checkpoint,
   * after {@code incremental_vacuum} has cut those off, copy what is left. One checkpoint
   * copies each page once, fewer of them, with one sync.
   */
  private void noCheckpointsBeforeClose() {
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA wal_autocheckpoint=0");
    } catch (SQLException e) {
      // Then SQLite checkpoints as it would have; nothing is lost.
    }
  }

  /**
   * Gives free pages (the merged log's) back to the file system where the file allows it (new
   * files are incremental auto-vacuum), checkpoints, and returns to rollback mode so the file
   * is whole on its own.
   */
  private void leaveWal() throws SQLException {
    try (Statement s = c.createStatement()) {
      s.executeUpdate("PRAGMA incremental_vacuum"); // steps until every free page is gone
      s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
      s.execute("PRAGMA journal_mode=DELETE"); // fails while a reader is attached: stays WAL
    }
  }

  @Override
  public synchronized void delete() {
    if (config.readOnly()) {
      throw new IllegalStateException(name() + ": storage is read-only; delete refused");
    }
    SessionLock held = state == State.OPEN ? null : SessionLock.acquire(file);
    try {
      if (state == State.OPEN) {
        SessionLock keep = lock;
        lock = null; // keep ownership until the files are gone
        close();
        lock = keep;
      }
      state = State.CLOSED;
      SqliteFiles.deleteSessionFiles(file);
    } finally {
      if (held != null) {
        held.close();
      }
      if (lock != null) {
        lock.close();
      }
    }
  }

  @Override
  public synchronized Session session() {
    checkOpen();
    if (config.readOnly()) {
      try {
        return rows.readSession();
      } catch (SQLException e) {
        throw SqliteCalls.failure(file, "read the session", e);
      }
    }
    return session;
  }

  @Override
  public synchronized void session(Session session) {
    checkWritable();
    write("write the session", () -> rows.writeSession(session));
    this.session = session;
  }

  @Override
  public void updatePeers(Collection<Peer> peers) {
    writePeers(stamped(peers), null);
  }

  @Override
  public void restorePeers(Collection<Peer> peers) {
    writePeers(new ArrayList<>(peers), null);
  }

  /** Appends the peers to the log and writes the state rows in one SQLite transaction. */
  @Override
  public void commitUpdates(Collection<Peer> peers, UpdateState state,
      Map<Long, Integer> channelPts) {
    Objects.requireNonNull(state, "state");
    Map<Long, Integer> channels = Map.copyOf(channelPts);
    writePeers(stamped(peers), () -> {
      rows.writeUpdateState(state);
      for (Map.Entry<Long, Integer> e : channels.entrySet()) {
        rows.writeChannelPts(e.getKey(), e.getValue());
      }
    });
  }

  private List<Peer> stamped(Collection<Peer> peers) {
    long now = config.nowSeconds();
    List<Peer> stamped = new ArrayList<>(peers.size());
    for (Peer p : peers) {
      stamped.add(p.withLastUpdateOn(now));
    }
    return stamped;
  }

  /**
   * Logs each id's last entry of {@code stamped}, and runs {@code alsoWrite} if given, in one
   * transaction; then the logged peers answer lookups, and a full log is merged.
   */
  private synchronized void writePeers(List<Peer> stamped, SqliteCalls.SqlStep alsoWrite) {
    checkWritable();
    List<Peer> batch = SqlitePeers.lastPerId(stamped);
    if (batch.isEmpty() && alsoWrite == null) {
      return;
    }
    write("write " + batch.size() + " peers" + (alsoWrite == null ? "" : " and the update state"),
        () -> {
          if (!batch.isEmpty()) {
            peers.append(batch);
          }
          if (alsoWrite != null) {
            alsoWrite.run();
          }
        });
    if (!batch.isEmpty()) {
      lookups.written(batch); // committed: lookups see them now
      if (read("size the peer log", peers::logFull)) {
        merge(true);
      }
    }
  }

  /**
   * Merges the peer log into Pyrogram's {@code peers} table, if it holds any; {@code warm}: the
   * session goes on, so the merged peers stay in memory as cached rows.
   */
  private void merge(boolean warm) {
    if (peers.pending() > 0) {
      write("merge " + peers.pending() + " logged peers", () -> peers.merge(lookups.logged()));
      lookups.merged(warm);
    }
  }

  @Override
  public synchronized InputPeer peerById(long id) {
    checkOpen();
    return read("look up a peer", () -> lookups.byId(id));
  }

  @Override
  public synchronized InputPeer peerByUsername(String username) {
    checkOpen();
    return read("look up a username", () -> lookups.byUsername(username));
  }

  @Override
  public synchronized InputPeer peerByPhoneNumber(String phoneNumber) {
    checkOpen();
    return read("look up a phone number", () -> lookups.byPhone(phoneNumber));
  }

  @Override
  public synchronized Optional<Peer> peer(long id) {
    checkOpen();
    return Optional.ofNullable(read("read a peer", () -> lookups.peer(id)));
  }

  @Override
  public synchronized void forEachPeer(Consumer<Peer> action) {
    checkOpen();
    read("list peers", () -> {
      lookups.forEach(action);
      return null;
    });
  }

  @Override
  public synchronized long peerCount() {
    checkOpen();
    return read("count peers", lookups::count);
  }

  @Override
  public synchronized Optional<UpdateState> updateState() {
    checkOpen();
    return read("read the update state", rows::updateState);
  }

  @Override
  public synchronized void updateState(UpdateState state) {
    checkWritable();
    write("write the update state", () -> rows.writeUpdateState(state));
  }

  @Override
  public synchronized OptionalInt channelPts(long channelId) {
    checkOpen();
    return read("read channel pts", () -> rows.channelPts(channelId));
  }

  @Override
  public synchronized void channelPts(long channelId, int pts) {
    checkWritable();
    write("write channel pts", () -> rows.writeChannelPts(channelId, pts));
  }

  @Override
  public synchronized Map<Long, Integer> allChannelPts() {
    checkOpen();
    return read("read channel pts", rows::allChannelPts);
  }

  @Override
  public synchronized void revokeKey(String reason) {
    checkWritable();
    write("mark the key dead", () -> rows.revoke(reason, config.nowSeconds(), session.authKey()));
  }

  @Override
  public synchronized Optional<String> keyRevocation() {
    checkOpen();
    return read("read the key revocation", rows::revocation);
  }

  @Override
  public synchronized List<DcKey> dcKeys() {
    checkOpen();
    return read("read the other DCs' keys", dcKeys::read);
  }

  @Override
  public synchronized void dcKey(DcKey key) {
    Objects.requireNonNull(key, "key");
    checkWritable();
    write("write the key of DC " + key.dcId(), () -> dcKeys.write(key));
  }

  @Override
  public synchronized void removeDcKey(int dcId) {
    checkWritable();
    write("remove the key of DC " + dcId, () -> dcKeys.remove(dcId));
  }

  private <T> T read(String what, SqliteCalls.SqlRead<T> action) {
    return calls.read(what, action);
  }

  private void write(String what, SqliteCalls.SqlStep action) {
    calls.write(what, action);
  }

  private void checkOpen() {
    if (state != State.OPEN) {
      throw new IllegalStateException(name() + (state == State.NEW
          ? ": storage is not open" : ": storage is closed"));
    }
  }

  private void checkWritable() {
    checkOpen();
    if (config.readOnly()) {
      throw new IllegalStateException(name() + ": storage is read-only");
    }
  }
}
