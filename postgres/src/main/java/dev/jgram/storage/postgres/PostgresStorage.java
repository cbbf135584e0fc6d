package dev.jgram.storage.postgres;

import dev.jgram.storage.DcKey;
import dev.jgram.storage.InputPeer;
import dev.jgram.storage.Peer;
import dev.jgram.storage.PeerNotFoundException;
import dev.jgram.storage.PeerNotFoundException.Reason;
import dev.jgram.storage.Session;
import dev.jgram.storage.SessionLockedException;
import dev.jgram.storage.Storage;
import dev.jgram.storage.StorageConfig;
import dev.jgram.storage.StorageException;
import dev.jgram.storage.UpdateState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * A {@link Storage} in PostgreSQL, for fleets of clients on many machines: every session of a
 * fleet in one database, each row keyed by the session's name (its account tag), each session
 * owned by exactly one live process at a time.
 *
 * <pre>{@code
 * HikariDataSource pool = new HikariDataSource(config);   // yours: you close it
 * try (PostgresStorage storage = PostgresStorage.create(pool, "alice")) {
 *   storage.open();
 *   ...
 * }
 * }</pre>
 *
 * <ul>
 *   <li><b>Schema.</b> The tables live in their own schema ({@value #DEFAULT_SCHEMA} unless
 *       given), created and migrated by jgram's numbered migrations on first open, in one
 *       transaction, safely when many processes start at once.
 *   <li><b>Ownership.</b> {@link #open()} takes the session's lease: a PostgreSQL advisory lock
 *       held by one connection, borrowed from the data source for the life of the storage, plus
 *       an owner row naming host, pid and time. A second opener anywhere fails at once with
 *       {@link SessionLockedException} naming the owner. When the owner process dies its
 *       connection drops and the lease frees itself at once; when its whole host is lost, the
 *       server's TCP keepalive probes (set on the lease's connection) free it within about
 *       90 s. If this storage loses its connection, its next call takes the lease anew, or
 *       fails naming whoever took it meanwhile.
 *   <li><b>Writes.</b> Every write runs on the lease's connection and is durable when the call
 *       returns; a batch of peers is one statement, applied whole or not at all.
 *   <li><b>Reads.</b> Lookups by id are answered from a bounded cache ({@link
 *       StorageConfig#cacheSize()} peers) when they can: the lease makes this storage the
 *       session's only writer, so the cache stays exact. Read-only storages cache nothing.
 *   <li><b>The pool.</b> The caller owns the {@link DataSource} and closes it; the storage only
 *       borrows one connection and gives it back on {@link #close()}. It must be a
 *       session-level connection (no transaction-mode pooler in between).
 * </ul>
 *
 * <p>Errors are {@link StorageException}s whose messages name the session and schema
 * ({@code postgres:<schema>/<session>}) and never contain key bytes.
 */
public final class PostgresStorage implements Storage {
  /** The schema used unless another is given: {@value}. */
  public static final String DEFAULT_SCHEMA = "jgram";

  private final SessionRef ref;
  private final StorageConfig config;
  private final PeerCache cache;
  private final Guard guard;

  private PostgresStorage(DataSource dataSource, SessionRef ref, StorageConfig config) {
    this.ref = ref;
    this.config = config;
    // Another process writes a session this one only inspects: nothing may be cached then.
    this.cache = new PeerCache(config.readOnly() ? 0 : config.cacheSize());
    this.guard = new Guard(dataSource, ref, config.readOnly(), cache);
  }

  /**
   * A storage for session {@code sessionName} in schema {@value #DEFAULT_SCHEMA}, with default
   * settings. Nothing is touched until {@link #open()}.
   *
   * @throws IllegalArgumentException if the name is blank or longer than 200 characters
   */
  public static PostgresStorage create(DataSource dataSource, String sessionName) {
    return create(dataSource, sessionName, DEFAULT_SCHEMA, StorageConfig.DEFAULTS);
  }

  /**
   * A storage for session {@code sessionName} in {@code schema}. Nothing is touched until
   * {@link #open()}.
   *
   * @param dataSource where connections come from; owned (and closed) by the caller
   * @param sessionName the account tag keying this session's rows (1 to 200 characters)
   * @param schema the schema holding jgram's tables, a lower-case SQL identifier
   * @param config the TTL, clock and read-only settings; {@code cacheSize} bounds the peers
   *     kept in memory for lookups by id
   * @throws IllegalArgumentException naming the invalid argument
   */
  public static PostgresStorage create(
      DataSource dataSource, String sessionName, String schema, StorageConfig config) {
    Objects.requireNonNull(dataSource, "dataSource is required");
    Objects.requireNonNull(config, "config is required");
    return new PostgresStorage(dataSource, new SessionRef(schema, sessionName), config);
  }

  /** The session's name (account tag). */
  public String sessionName() {
    return ref.session();
  }

  /** The schema holding the tables. */
  public String schema() {
    return ref.schema();
  }

  /** {@code postgres:<schema>/<session>}. */
  @Override
  public String name() {
    return ref.describe();
  }

  @Override
  public String toString() {
    return name();
  }

  /**
   * Creates or migrates the schema, then takes the session's lease and creates the session's
   * row if it is new. Read-only storages only check the schema and take no lease.
   *
   * @throws SessionLockedException if another process, anywhere, owns the session
   * @throws StorageException if the database fails or the schema is newer than this jgram
   */
  @Override
  public void open() {
    guard.open();
  }

  @Override
  public void save() {
    guard.update("save the session", c -> StateTables.date(c, ref, config.nowSeconds()));
  }

  /** Gives the lease and the connection back. Idempotent; the data source stays open. */
  @Override
  public void close() {
    guard.close();
  }

  /** Deletes every row of this session (other sessions are untouched), then closes. */
  @Override
  public void delete() {
    synchronized (guard) {
      if (guard.isNew()) {
        guard.open();
      }
      guard.update("delete the session", c -> {
        StateTables.deleteAll(c, ref);
        cache.clear();
      });
      guard.close();
    }
  }

  @Override
  public Session session() {
    return guard.read("read the session", c -> StateTables.session(c, ref));
  }

  @Override
  public void session(Session session) {
    Objects.requireNonNull(session, "session");
    guard.update("write the session", c -> StateTables.session(c, ref, session));
  }

  @Override
  public void updatePeers(Collection<Peer> peers) {
    long now = config.nowSeconds();
    guard.update("write " + peers.size() + " peers",
        c -> cache.refresh(PeerWrites.write(c, ref, peers, now)));
  }

  @Override
  public void restorePeers(Collection<Peer> peers) {
    guard.update("restore " + peers.size() + " peers",
        c -> cache.refresh(PeerWrites.write(c, ref, peers, null)));
  }

  @Override
  public InputPeer peerById(long id) {
    return peer(id)
        .orElseThrow(() -> new PeerNotFoundException(Reason.ID_NOT_FOUND, Long.toString(id)))
        .toInputPeer();
  }

  @Override
  public InputPeer peerByUsername(String username) {
    Peer peer = guard.read("look up a username", c -> PeerReads.byUsername(c, ref, username))
        .orElseThrow(() -> new PeerNotFoundException(Reason.USERNAME_NOT_FOUND, username));
    // Pyrogram compares with abs(): an entry stamped in the future expires too.
    if (Math.abs(config.nowSeconds() - peer.lastUpdateOn()) > config.usernameTtl().toSeconds()) {
      throw new PeerNotFoundException(Reason.USERNAME_EXPIRED, username);
    }
    return peer.toInputPeer();
  }

  @Override
  public InputPeer peerByPhoneNumber(String phoneNumber) {
    return guard.read("look up a phone number", c -> PeerReads.byPhoneNumber(c, ref, phoneNumber))
        .orElseThrow(() -> new PeerNotFoundException(Reason.PHONE_NOT_FOUND, phoneNumber))
        .toInputPeer();
  }

  @Override
  public Optional<Peer> peer(long id) {
    return guard.read("look up a peer id", c -> {
      Peer cached = cache.get(id);
      if (cached != null) {
        return Optional.of(cached);
      }
      Optional<Peer> found = PeerReads.byId(c, ref, id);
      found.ifPresent(cache::put);
      return found;
    });
  }

  /** Reads the peers a page at a time; {@code action} runs between pages and may use this. */
  @Override
  public void forEachPeer(Consumer<Peer> action) {
    long from = Long.MIN_VALUE;
    boolean more = true;
    while (more) {
      long start = from;
      List<Peer> page = new ArrayList<>(PeerReads.PAGE);
      more = guard.read("list peers", c -> PeerReads.page(c, ref, start, page));
      page.forEach(action);
      if (!page.isEmpty()) {
        from = page.get(page.size() - 1).id() + 1;
      }
    }
  }

  @Override
  public long peerCount() {
    return guard.read("count peers", c -> PeerReads.count(c, ref));
  }

  @Override
  public Optional<UpdateState> updateState() {
    return guard.read("read the update state", c -> StateTables.updateState(c, ref));
  }

  @Override
  public void updateState(UpdateState state) {
    Objects.requireNonNull(state, "state");
    guard.update("write the update state", c -> StateTables.updateState(c, ref, state));
  }

  @Override
  public OptionalInt channelPts(long channelId) {
    return guard.read("read a channel pts", c -> StateTables.channelPts(c, ref, channelId));
  }

  @Override
  public void channelPts(long channelId, int pts) {
    guard.update("write a channel pts", c -> StateTables.channelPts(c, ref, channelId, pts));
  }

  @Override
  public Map<Long, Integer> allChannelPts() {
    return guard.read("read the channel pts", c -> StateTables.allChannelPts(c, ref));
  }

  @Override
  public void revokeKey(String reason) {
    Objects.requireNonNull(reason, "reason");
    long now = config.nowSeconds();
    guard.update("revoke the key", c -> StateTables.revokeKey(c, ref, reason, now));
  }

  @Override
  public Optional<String> keyRevocation() {
    return guard.read("read the key revocation", c -> StateTables.keyRevocation(c, ref));
  }

  @Override
  public List<DcKey> dcKeys() {
    return guard.read("read the other DCs' keys", c -> StateTables.dcKeys(c, ref));
  }

  @Override
  public void dcKey(DcKey key) {
    Objects.requireNonNull(key, "key");
    guard.update("write the key of DC " + key.dcId(), c -> StateTables.dcKey(c, ref, key));
  }

  @Override
  public void removeDcKey(int dcId) {
    guard.update("remove the key of DC " + dcId, c -> StateTables.removeDcKey(c, ref, dcId));
  }
}
