package dev.jgram.storage;

import dev.jgram.storage.file.SqliteStorage;
import dev.jgram.storage.memory.MemoryStorage;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * Where a client keeps its session (home DC, auth key, user) and its peer cache, so that it
 * can reconnect after a restart without authorising again and address peers by id, username
 * or phone number.
 *
 * <p>Engines are reached through the static factories: {@link #file(Path)} (SQLite, a
 * Pyrogram-compatible {@code <name>.session} file), {@link #memory()} (pure Java, nothing
 * touches the disk) and {@link #fromSessionString(String)} (a memory storage loaded from an
 * exported string). Every engine obeys the same contract:
 *
 * <ul>
 *   <li>{@link #open()} once before use; {@link #close()} is idempotent; any other call after
 *       close throws {@link IllegalStateException}.
 *   <li>Every write is durable when the call returns (for engines that persist at all).
 *   <li>Lookups answer with the {@link InputPeer} a client sends, or throw
 *       {@link PeerNotFoundException} naming the missing key.
 * </ul>
 */
public interface Storage extends AutoCloseable {

  /** A file storage at {@code path} with default settings. */
  static Storage file(Path path) {
    return file(path, StorageConfig.DEFAULTS);
  }

  /** A file storage at {@code path}. */
  static Storage file(Path path, StorageConfig config) {
    return new SqliteStorage(path, config);
  }

  /** An empty memory storage. */
  static Storage memory() {
    return memory(StorageConfig.DEFAULTS);
  }

  /** An empty memory storage. */
  static Storage memory(StorageConfig config) {
    return new MemoryStorage(config, Session.EMPTY);
  }

  /**
   * A memory storage loaded from a Pyrogram session string when opened.
   *
   * @throws InvalidSessionStringException if the string cannot be decoded
   */
  static Storage fromSessionString(String sessionString) {
    return fromSessionString(sessionString, StorageConfig.DEFAULTS);
  }

  /**
   * A memory storage loaded from a Pyrogram session string when opened. The string is decoded
   * now, so that a bad one fails where it is passed in; the session is held with date 0. An
   * empty or blank string is, as in Pyrogram, a fresh empty session. Strings of other
   * libraries: {@code dev.jgram.storage.format.SessionName#decode}.
   *
   * @throws InvalidSessionStringException if the string cannot be decoded
   */
  static Storage fromSessionString(String sessionString, StorageConfig config) {
    if (sessionString != null && sessionString.isBlank()) {
      return new MemoryStorage(config, Session.EMPTY);
    }
    return new MemoryStorage(config, PyrogramSessionString.decode(sessionString).withDate(0));
  }

  /** A name for messages: the file path, or {@code ":memory:"}. */
  String name();

  /** Opens the storage, creating or migrating its backing store. */
  void open();

  /** Stamps the session's {@code date} with the current time and makes everything durable. */
  void save();

  /** Releases the storage. Idempotent. */
  @Override
  void close();

  /** Closes the storage and removes what it persisted (a file session's files). */
  void delete();

  /** The session fields. */
  Session session();

  /** Replaces the session fields in one atomic write. */
  void session(Session session);

  /**
   * Inserts or replaces peers in one atomic write, stamping each with the current time.
   * Like Pyrogram's REPLACE, a peer's new entry replaces the old one whole.
   */
  void updatePeers(Collection<Peer> peers);

  /** Inserts or replaces peers keeping their {@link Peer#lastUpdateOn()} (for imports). */
  void restorePeers(Collection<Peer> peers);

  /**
   * The input peer for a marked id.
   *
   * @throws PeerNotFoundException if no peer has this id
   */
  InputPeer peerById(long id);

  /**
   * The input peer for any of a peer's usernames (matched exactly; callers lower-case). When
   * two peers claim one username, the most recently written one wins.
   *
   * @throws PeerNotFoundException if no peer has it, or its entry is older than the TTL
   */
  InputPeer peerByUsername(String username);

  /**
   * The input peer for a phone number (digits only, no {@code +}).
   *
   * @throws PeerNotFoundException if no peer has it
   */
  InputPeer peerByPhoneNumber(String phoneNumber);

  /** The whole cached entry for a marked id, if any. */
  Optional<Peer> peer(long id);

  /** Calls {@code action} for every cached peer, in id order. */
  void forEachPeer(Consumer<Peer> action);

  /** How many peers are cached. */
  long peerCount();

  /** The common update state, if one was stored. */
  Optional<UpdateState> updateState();

  /** Stores the common update state. */
  void updateState(UpdateState state);

  /** The stored pts of a channel (bare channel id), if any. */
  OptionalInt channelPts(long channelId);

  /** Stores the pts of a channel (bare channel id). */
  void channelPts(long channelId, int pts);

  /** Every stored channel pts, by bare channel id. */
  Map<Long, Integer> allChannelPts();

  /**
   * Marks the session's auth key as dead (Telegram answered AUTH_KEY_UNREGISTERED or
   * AUTH_KEY_DUPLICATED). The session is kept for forensics until deleted, but refuses to
   * export. The reason is stored with the time.
   */
  void revokeKey(String reason);

  /** Why the auth key was marked dead, if it was ({@link #revokeKey(String)}). */
  Optional<String> keyRevocation();

  /**
   * The keys stored for DCs other than the home DC, by DC id; the home DC is never among them
   * (its key is {@link Session#authKey()}).
   */
  List<DcKey> dcKeys();

  /** Stores the key of a DC other than the home DC, replacing one stored for that DC. */
  void dcKey(DcKey key);

  /** Removes the key stored for a DC other than the home DC, if any. */
  void removeDcKey(int dcId);

  /**
   * Exports the session as a Pyrogram session string (the current 362-character layout).
   * The string is a secret: whoever has it controls the account.
   *
   * @throws StorageException if the key was revoked, or naming the missing field if dc_id, api_id, user_id or the auth
   *     key is unknown (an unknown test_mode or is_bot is written as false, as Pyrogram does)
   */
  default String exportSessionString() {
    Optional<String> revoked = keyRevocation();
    if (revoked.isPresent()) {
      throw new StorageException(
          name() + ": cannot export a session string: its auth key was revoked ("
              + revoked.get() + ")");
    }
    return PyrogramSessionString.encode(session());
  }
}
