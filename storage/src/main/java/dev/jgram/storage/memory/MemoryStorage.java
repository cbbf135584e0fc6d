package dev.jgram.storage.memory;

import dev.jgram.storage.DcKey;
import dev.jgram.storage.InputPeer;
import dev.jgram.storage.Peer;
import dev.jgram.storage.PeerNotFoundException;
import dev.jgram.storage.Session;
import dev.jgram.storage.Storage;
import dev.jgram.storage.StorageConfig;
import dev.jgram.storage.UpdateState;
import dev.jgram.storage.index.PeerIndex;
import dev.jgram.storage.index.PeerKey;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.locks.StampedLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The pure-Java engine: everything lives on the heap, nothing touches the disk, and
 * everything is discarded on close (Pyrogram's {@code MemoryStorage}, without SQLite).
 *
 * <p>It may start from a decoded session string; like Pyrogram it then holds that session
 * with {@code date} 0 and an empty peer cache. Peers live in a {@link PeerIndex} of primitive
 * columns, written a whole batch at a time, which also answers lookups by the rules every
 * engine shares. One {@link StampedLock} guards all state: lookups
 * share its read lock, writes take it exclusively (once per batch), and no user code ever
 * runs while it is held. The {@code readOnly} and {@code cacheSize} settings do not apply to
 * an engine that keeps everything in memory.
 */
public final class MemoryStorage implements Storage {
  /** The name of every memory storage, as Pyrogram spells an in-memory session. */
  static final String NAME = ":memory:";

  private enum State { NEW, OPEN, CLOSED }

  private final StorageConfig config;
  private final Session initial;
  private final long ttlSeconds;
  private final StampedLock lock = new StampedLock();

  private State state = State.NEW;
  private Session session;
  private PeerIndex peers;
  private UpdateState updateState;
  private Map<Long, Integer> channelPts;
  private String revocation;
  private Map<Integer, DcKey> dcKeys;

  /**
   * Creates an unopened storage that starts from {@code initial}.
   *
   * @param initial the session it holds once opened (its {@code date} is kept as given)
   */
  public MemoryStorage(StorageConfig config, Session initial) {
    this.config = config;
    this.initial = initial;
    this.ttlSeconds = config.usernameTtl().getSeconds();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void open() {
    long stamp = lock.writeLock();
    try {
      if (state != State.NEW) {
        throw new IllegalStateException(
            NAME + (state == State.OPEN ? ": storage is already open" : ": storage is closed"));
      }
      session = initial;
      peers = new PeerIndex();
      channelPts = new HashMap<>();
      dcKeys = new TreeMap<>();
      state = State.OPEN;
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  @Override
  public void save() {
    long now = config.nowSeconds();
    write(() -> session = session.withDate(now));
  }

  @Override
  public void close() {
    long stamp = lock.writeLock();
    try {
      state = State.CLOSED;
      session = null;
      peers = null;
      updateState = null;
      channelPts = null;
      dcKeys = null;
      revocation = null;
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  /** Closes the storage: a memory storage persisted nothing to remove. */
  @Override
  public void delete() {
    close();
  }

  @Override
  public Session session() {
    return read(() -> session);
  }

  @Override
  public void session(Session session) {
    write(() -> this.session = Objects.requireNonNull(session, "session"));
  }

  /** Copies the caller's batch, then writes it whole under one write lock. */
  @Override
  public void updatePeers(Collection<Peer> batch) {
    long now = config.nowSeconds();
    Peer[] copy = batch.toArray(new Peer[0]);
    write(() -> peers.putAll(copy, now, false));
  }

  @Override
  public void restorePeers(Collection<Peer> batch) {
    Peer[] copy = batch.toArray(new Peer[0]);
    write(() -> peers.putAll(copy, 0, true));
  }

  @Override
  public InputPeer peerById(long id) {
    return lookup(PeerKey.ID, id, null);
  }

  @Override
  public InputPeer peerByUsername(String username) {
    return lookup(PeerKey.USERNAME, 0, username);
  }

  @Override
  public InputPeer peerByPhoneNumber(String phoneNumber) {
    return lookup(PeerKey.PHONE, 0, phoneNumber);
  }

  /**
   * Answers a lookup, first under an optimistic read (no lock write at all, so readers never
   * contend), and if a write ran meanwhile, again under the read lock. The optimistic pass
   * only reads: a torn view of the tables during a write can at worst throw, which the
   * validation discards. A miss is answered (thrown) outside that pass, so that it is built
   * once.
   */
  private InputPeer lookup(PeerKey key, long id, String text) {
    long now = key == PeerKey.USERNAME ? config.nowSeconds() : 0;
    long stamp = lock.tryOptimisticRead();
    if (stamp != 0) {
      Object found;
      try {
        PeerIndex table = peers;
        found = table == null ? null : table.find(key, id, text, now, ttlSeconds);
      } catch (RuntimeException tornRead) {
        found = null; // a write changed the tables under the optimistic read
      }
      if (found != null && lock.validate(stamp)) {
        return answer(found, key, id, text);
      }
    }
    stamp = lock.readLock();
    try {
      checkOpen();
      return answer(peers.find(key, id, text, now, ttlSeconds), key, id, text);
    } finally {
      lock.unlockRead(stamp);
    }
  }

  private static InputPeer answer(Object found, PeerKey key, long id, String text) {
    if (found instanceof InputPeer peer) {
      return peer;
    }
    throw new PeerNotFoundException((PeerNotFoundException.Reason) found,
        key == PeerKey.ID ? Long.toString(id) : text);
  }

  @Override
  public Optional<Peer> peer(long id) {
    return read(() -> {
      int slot = peers.slotOf(id);
      return slot < 0 ? Optional.empty() : Optional.of(peers.peer(slot));
    });
  }

  /**
   * Visits the peers in id order. The ids are taken at the start; each entry is read when
   * visited, without holding the lock while {@code action} runs, so the action may call back
   * into this storage.
   */
  @Override
  public void forEachPeer(Consumer<Peer> action) {
    long[] ids = read(() -> peers.sortedIds());
    for (long id : ids) {
      peer(id).ifPresent(action);
    }
  }

  @Override
  public long peerCount() {
    return read(() -> peers.size());
  }

  @Override
  public Optional<UpdateState> updateState() {
    return read(() -> Optional.ofNullable(updateState));
  }

  @Override
  public void updateState(UpdateState state) {
    write(() -> this.updateState = Objects.requireNonNull(state, "state"));
  }

  @Override
  public OptionalInt channelPts(long channelId) {
    return read(() -> {
      Integer pts = channelPts.get(channelId);
      return pts == null ? OptionalInt.empty() : OptionalInt.of(pts);
    });
  }

  @Override
  public void channelPts(long channelId, int pts) {
    write(() -> channelPts.put(channelId, pts));
  }

  @Override
  public Map<Long, Integer> allChannelPts() {
    return read(() -> Map.copyOf(channelPts));
  }

  /** Writes the peers, the state and the channel pts under one write lock. */
  @Override
  public void commitUpdates(Collection<Peer> batch, UpdateState state,
      Map<Long, Integer> channels) {
    Objects.requireNonNull(state, "state");
    Map<Long, Integer> copy = Map.copyOf(channels);
    long now = config.nowSeconds();
    Peer[] peerCopy = batch.toArray(new Peer[0]);
    write(() -> {
      peers.putAll(peerCopy, now, false);
      this.updateState = state;
      channelPts.putAll(copy);
    });
  }

  /** Records the reason with the clock's time, as {@code "<reason> at <ISO instant>"}. */
  @Override
  public void revokeKey(String reason) {
    long now = config.nowSeconds();
    write(() -> revocation = reason + " at " + Instant.ofEpochSecond(now));
  }

  @Override
  public Optional<String> keyRevocation() {
    return read(() -> Optional.ofNullable(revocation));
  }

  @Override
  public List<DcKey> dcKeys() {
    return read(() -> List.copyOf(dcKeys.values()));
  }

  @Override
  public void dcKey(DcKey key) {
    Objects.requireNonNull(key, "key");
    write(() -> dcKeys.put(key.dcId(), key));
  }

  @Override
  public void removeDcKey(int dcId) {
    write(() -> dcKeys.remove(dcId));
  }

  private <T> T read(Supplier<T> body) {
    long stamp = lock.readLock();
    try {
      checkOpen();
      return body.get();
    } finally {
      lock.unlockRead(stamp);
    }
  }

  private void write(Runnable body) {
    long stamp = lock.writeLock();
    try {
      checkOpen();
      body.run();
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  /** Must be called with the lock held. */
  private void checkOpen() {
    if (state != State.OPEN) {
      throw new IllegalStateException(
          NAME + (state == State.NEW ? ": storage is not open" : ": storage is closed"));
    }
  }
}
