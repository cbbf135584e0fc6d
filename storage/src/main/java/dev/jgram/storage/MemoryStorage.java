package dev.jgram.storage;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.locks.StampedLock;
import java.util.function.Consumer;

/**
 * The pure-Java engine: everything lives on the heap, nothing touches the disk, and
 * everything is discarded on close (Pyrogram's {@code MemoryStorage}, without SQLite).
 *
 * <p>It may start from a decoded session string; like Pyrogram it then holds that session
 * with {@code date} 0 and an empty peer cache. Peers live in a {@link PeerTable} of primitive
 * columns. One {@link StampedLock} guards all state: lookups share its read lock, writes take
 * it exclusively, and no user code ever runs while it is held. The {@code readOnly} and
 * {@code cacheSize} settings do not apply to an engine that keeps everything in memory.
 */
final class MemoryStorage implements Storage {
  /** The name of every memory storage, as Pyrogram spells an in-memory session. */
  static final String NAME = ":memory:";

  private enum State { NEW, OPEN, CLOSED }

  private final StorageConfig config;
  private final Session initial;
  private final long ttlSeconds;
  private final StampedLock lock = new StampedLock();

  private State state = State.NEW;
  private Session session;
  private PeerTable peers;
  private UpdateState updateState;
  private Map<Long, Integer> channelPts;
  private String revocation;

  /**
   * Creates an unopened storage that starts from {@code initial}.
   *
   * @param initial the session it holds once opened (its {@code date} is kept as given)
   */
  MemoryStorage(StorageConfig config, Session initial) {
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
      peers = new PeerTable();
      channelPts = new HashMap<>();
      state = State.OPEN;
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  @Override
  public void save() {
    long now = config.nowSeconds();
    long stamp = lock.writeLock();
    try {
      checkOpen();
      session = session.withDate(now);
    } finally {
      lock.unlockWrite(stamp);
    }
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
    long stamp = lock.readLock();
    try {
      checkOpen();
      return session;
    } finally {
      lock.unlockRead(stamp);
    }
  }

  @Override
  public void session(Session session) {
    long stamp = lock.writeLock();
    try {
      checkOpen();
      this.session = java.util.Objects.requireNonNull(session, "session");
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  @Override
  public void updatePeers(Collection<Peer> batch) {
    long now = config.nowSeconds();
    long stamp = lock.writeLock();
    try {
      checkOpen();
      for (Peer peer : batch) {
        peers.put(peer, now);
      }
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  @Override
  public void restorePeers(Collection<Peer> batch) {
    long stamp = lock.writeLock();
    try {
      checkOpen();
      for (Peer peer : batch) {
        peers.put(peer, peer.lastUpdateOn());
      }
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  @Override
  public InputPeer peerById(long id) {
    long stamp = lock.readLock();
    try {
      checkOpen();
      int slot = peers.slotOf(id);
      if (slot < 0) {
        throw new PeerNotFoundException(PeerNotFoundException.Reason.ID_NOT_FOUND,
            Long.toString(id));
      }
      return peers.inputPeer(slot);
    } finally {
      lock.unlockRead(stamp);
    }
  }

  @Override
  public InputPeer peerByUsername(String username) {
    long now = config.nowSeconds();
    long stamp = lock.readLock();
    try {
      checkOpen();
      int slot = peers.slotOfUsername(username);
      if (slot < 0) {
        throw new PeerNotFoundException(PeerNotFoundException.Reason.USERNAME_NOT_FOUND, username);
      }
      if (expired(peers.lastUpdateOn(slot), now)) {
        throw new PeerNotFoundException(PeerNotFoundException.Reason.USERNAME_EXPIRED, username);
      }
      return peers.inputPeer(slot);
    } finally {
      lock.unlockRead(stamp);
    }
  }

  @Override
  public InputPeer peerByPhoneNumber(String phoneNumber) {
    long stamp = lock.readLock();
    try {
      checkOpen();
      int slot = peers.slotOfPhone(phoneNumber);
      if (slot < 0) {
        throw new PeerNotFoundException(PeerNotFoundException.Reason.PHONE_NOT_FOUND, phoneNumber);
      }
      return peers.inputPeer(slot);
    } finally {
      lock.unlockRead(stamp);
    }
  }

  @Override
  public Optional<Peer> peer(long id) {
    long stamp = lock.readLock();
    try {
      checkOpen();
      int slot = peers.slotOf(id);
      return slot < 0 ? Optional.empty() : Optional.of(peers.peer(slot));
    } finally {
      lock.unlockRead(stamp);
    }
  }

  /**
   * Visits the peers in id order. The ids are taken at the start; each entry is read when
   * visited, without holding the lock while {@code action} runs, so the action may call back
   * into this storage.
   */
  @Override
  public void forEachPeer(Consumer<Peer> action) {
    long[] ids;
    long stamp = lock.readLock();
    try {
      checkOpen();
      ids = peers.sortedIds();
    } finally {
      lock.unlockRead(stamp);
    }
    for (long id : ids) {
      peer(id).ifPresent(action);
    }
  }

  @Override
  public long peerCount() {
    long stamp = lock.readLock();
    try {
      checkOpen();
      return peers.size();
    } finally {
      lock.unlockRead(stamp);
    }
  }

  @Override
  public Optional<UpdateState> updateState() {
    long stamp = lock.readLock();
    try {
      checkOpen();
      return Optional.ofNullable(updateState);
    } finally {
      lock.unlockRead(stamp);
    }
  }

  @Override
  public void updateState(UpdateState state) {
    long stamp = lock.writeLock();
    try {
      checkOpen();
      this.updateState = java.util.Objects.requireNonNull(state, "state");
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  @Override
  public OptionalInt channelPts(long channelId) {
    long stamp = lock.readLock();
    try {
      checkOpen();
      Integer pts = channelPts.get(channelId);
      return pts == null ? OptionalInt.empty() : OptionalInt.of(pts);
    } finally {
      lock.unlockRead(stamp);
    }
  }

  @Override
  public void channelPts(long channelId, int pts) {
    long stamp = lock.writeLock();
    try {
      checkOpen();
      channelPts.put(channelId, pts);
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  @Override
  public Map<Long, Integer> allChannelPts() {
    long stamp = lock.readLock();
    try {
      checkOpen();
      return Map.copyOf(channelPts);
    } finally {
      lock.unlockRead(stamp);
    }
  }

  /** Records the reason with the clock's time, as {@code "<reason> at <ISO instant>"}. */
  @Override
  public void revokeKey(String reason) {
    long now = config.nowSeconds();
    long stamp = lock.writeLock();
    try {
      checkOpen();
      revocation = reason + " at " + Instant.ofEpochSecond(now);
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  @Override
  public Optional<String> keyRevocation() {
    long stamp = lock.readLock();
    try {
      checkOpen();
      return Optional.ofNullable(revocation);
    } finally {
      lock.unlockRead(stamp);
    }
  }

  /**
   * Pyrogram's TTL rule: expired when {@code abs(now - lastUpdateOn) > ttl}, strictly, so an
   * entry from the future expires too. Compared unsigned so extreme timestamps cannot overflow.
   */
  private boolean expired(long lastUpdateOn, long now) {
    long age = lastUpdateOn > now ? lastUpdateOn - now : now - lastUpdateOn;
    return Long.compareUnsigned(age, ttlSeconds) > 0;
  }

  /** Must be called with the lock held. */
  private void checkOpen() {
    if (state != State.OPEN) {
      throw new IllegalStateException(
          NAME + (state == State.NEW ? ": storage is not open" : ": storage is closed"));
    }
  }
}
