package dev.jgram;

import dev.jgram.storage.InputPeer;
import dev.jgram.storage.PeerNotFoundException;
import dev.jgram.storage.PyrogramSessionString;
import dev.jgram.storage.Session;
import dev.jgram.storage.Storage;
import dev.jgram.storage.StorageConfig;
import dev.jgram.storage.StorageException;
import dev.jgram.storage.format.DetectedSession;
import dev.jgram.storage.format.SessionFormat;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A Telegram client and the session storage it keeps, used like Pyrogram's {@code Client}:
 *
 * <pre>{@code
 * try (var app = new Client("my_account")) {        // my_account.session in the current directory
 *   InputPeer peer = app.resolvePeer("@durov");
 * }
 * }</pre>
 *
 * <p>The name picks the storage engine as Pyrogram does: {@code ":memory:"} is an empty
 * memory storage, a session string (351 characters or more once whitespace is removed, or
 * gotd session JSON) is a memory storage loaded from it, and any other name is the file
 * {@code <workdir>/<name>.session}, the working directory by default. {@link #builder(String)}
 * sets the api_id, the working directory, an in-memory or session-string storage, or a
 * {@link Storage} of the caller's own.
 *
 * <p>A session string may be any format jgram reads, detected as
 * {@link dev.jgram.storage.format.SessionFormats#detect(String)} does: Pyrogram's (current
 * and legacy), Telethon's, GramJS's, mtcute's or gotd's JSON, so a Telethon string given to
 * {@code new Client(...)} just works. The fields a format does not carry (a Telethon string
 * has no api_id or user id) stay unknown, except the api_id, which
 * {@link Builder#apiId(long)} fills; peers and update state are loaded where the format has
 * them.
 *
 * <p>The constructor opens the storage (Pyrogram opens it in {@code start()}): a Java
 * try-with-resources block expects the object to be usable at once, and a bad session
 * string or a session locked by another process then fails on the line that names it. The
 * network calls a later version adds ({@code start()}, {@code getMe()}, ...) build on this
 * opened storage and change none of the calls here. {@link #close()} saves and closes.
 *
 * <p>A client is safe to use from several threads.
 */
public final class Client implements AutoCloseable {
  private final String name;
  private final Storage storage;
  private final SessionFormat source;
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * A client named {@code name}, with the storage Pyrogram's rules pick for that name.
   *
   * @throws IllegalArgumentException if the name is null or blank
   * @throws dev.jgram.storage.InvalidSessionStringException if the name is a session string
   *     that no supported format decodes (the message lists each format tried, never the
   *     string)
   * @throws StorageException if the session file cannot be opened
   */
  public Client(String name) {
    this(builder(name));
  }

  private Client(Builder b) {
    StorageChoice choice =
        StorageChoice.of(b.name, b.workdir, b.inMemory, b.sessionString, b.storage);
    this.name = PyrogramSessionString.looksLikeSessionString(b.name) ? ":memory:" : b.name;
    StorageConfig config = b.usernameTtl == null
        ? StorageConfig.DEFAULTS : StorageConfig.DEFAULTS.withUsernameTtl(b.usernameTtl);
    DetectedSession loaded = choice instanceof StorageChoice.FromString s ? s.decode() : null;
    this.source = loaded == null ? null : loaded.format();
    this.storage = choice.create(config);
    try {
      storage.open();
      if (loaded != null) {
        SessionStrings.load(loaded.session(), storage);
      }
      fillApiId(b.apiId);
    } catch (RuntimeException e) {
      storage.close();
      throw e;
    }
  }

  /** A builder for a client named {@code name}. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * The client's name; {@code ":memory:"} when the name looks like a session string (351
   * characters or more), which is a secret and never repeated.
   */
  public String name() {
    return name;
  }

  /** The opened storage that holds this client's session and peer cache. */
  public Storage storage() {
    return storage;
  }

  /**
   * The session as a Pyrogram session string (the current 362-character layout), readable by
   * Pyrogram 2.x and by {@code new Client(sessionString)}. The string is a secret.
   *
   * @throws StorageException naming the missing fields (api_id, user_id, auth key; for a
   *     session loaded from another library's string, every field that string lacked) or the
   *     key's revocation
   */
  public String exportSessionString() {
    if (storage.keyRevocation().isEmpty()) {
      SessionStrings.requireExportable(storage.session(), source);
    }
    return storage.exportSessionString();
  }

  /**
   * The input peer for an id, username or phone number, answered from the peer cache, the way
   * Pyrogram's {@code resolve_peer} reads its storage.
   *
   * <ul>
   *   <li>a {@link Long} or {@link Integer}: a marked peer id;
   *   <li>{@code "me"} or {@code "self"}: {@link InputPeer.Self};
   *   <li>a string that is a number ({@code "777000"}, {@code "-1001234567890"}): first as an
   *       id, then, if no peer has that id, as a phone number;
   *   <li>any other string: {@code @}, {@code +} and whitespace are removed and the rest is
   *       lower-cased; digits are a phone number ({@code "+1 555 0100"}), anything else a
   *       username ({@code "@Durov"}, {@code "durov"}).
   * </ul>
   *
   * @throws PeerNotFoundException if the cache does not know the peer (or the username's
   *     entry has expired)
   * @throws IllegalArgumentException for null, blank or other types
   */
  public InputPeer resolvePeer(Object peer) {
    if (peer instanceof Long || peer instanceof Integer) {
      return storage.peerById(((Number) peer).longValue());
    }
    if (!(peer instanceof String text)) {
      throw new IllegalArgumentException("peer must be a Long, Integer or String, was "
          + (peer == null ? "null" : peer.getClass().getName()));
    }
    return PeerResolver.resolve(storage, text);
  }

  /**
   * Saves the session (its {@code date} becomes now) and closes the storage. Idempotent. A
   * storage that was already closed or deleted through {@link #storage()} (a log-out) has
   * nothing left to save and is left as it is.
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      try {
        storage.save();
      } catch (IllegalStateException alreadyClosed) {
        // Closed or deleted through storage(): nothing to save.
      } finally {
        storage.close();
      }
    }
  }

  @Override
  public String toString() {
    return "Client[" + name + ", " + storage.name() + "]";
  }

  /** Pyrogram's load_session: an api_id given now fills one the session does not know. */
  private void fillApiId(Long apiId) {
    Session session = storage.session();
    if (apiId != null && session.apiId() == null) {
      storage.session(session.withApiId(apiId));
    }
  }

  /**
   * Settings for a {@link Client}, each validated when set, with exact messages; conflicting
   * combinations are refused by {@link #build()}.
   */
  public static final class Builder {
    private final String name;
    private Long apiId;
    private Path workdir = Path.of("").toAbsolutePath();
    private boolean workdirSet;
    private boolean inMemory;
    private String sessionString;
    private Storage storage;
    private Duration usernameTtl;

    private Builder(String name) {
      if (name == null) {
        throw new IllegalArgumentException("name is required");
      }
      if (name.isBlank()) {
        throw new IllegalArgumentException("name must not be blank");
      }
      this.name = name;
    }

    /**
     * The application's api_id. It fills a session that lacks one (an old session string or
     * a Pyrogram 1.x file), as Pyrogram's {@code load_session} does; a stored api_id is kept.
     * Pyrogram stores it as an unsigned 32-bit number, so 1 to {@link Session#MAX_API_ID}
     * (4294967295) is accepted.
     *
     * @throws IllegalArgumentException if {@code apiId} is not in 1..4294967295
     */
    public Builder apiId(long apiId) {
      if (apiId <= 0 || apiId > Session.MAX_API_ID) {
        throw new IllegalArgumentException("apiId must be 1 to " + Session.MAX_API_ID
            + " (an unsigned 32-bit number, as Pyrogram stores it), was " + apiId);
      }
      this.apiId = apiId;
      return this;
    }

    /** Where {@code <name>.session} lives; the current directory by default. */
    public Builder workdir(Path workdir) {
      if (workdir == null) {
        throw new IllegalArgumentException("workdir is required");
      }
      this.workdir = workdir.toAbsolutePath();
      this.workdirSet = true;
      return this;
    }

    /** Keeps the session in memory only: nothing is read from or written to disk. */
    public Builder inMemory(boolean inMemory) {
      this.inMemory = inMemory;
      return this;
    }

    /**
     * Loads the session from a session string into memory (it wins over the name and
     * {@code inMemory}, as in Pyrogram). Any format jgram reads is accepted: Pyrogram
     * (current and legacy), Telethon, GramJS, mtcute or gotd JSON. An empty string is a fresh
     * in-memory session.
     */
    public Builder sessionString(String sessionString) {
      if (sessionString == null) {
        throw new IllegalArgumentException(
            "sessionString is required; use inMemory(true) for an empty in-memory session");
      }
      this.sessionString = sessionString;
      return this;
    }

    /**
     * Uses a storage the caller built, unopened: the client opens it and closes it on
     * {@link Client#close()}.
     */
    public Builder storage(Storage storage) {
      if (storage == null) {
        throw new IllegalArgumentException("storage is required");
      }
      this.storage = storage;
      return this;
    }

    /** How long a cached username stays valid; Pyrogram's 8 hours by default. */
    public Builder usernameTtl(Duration usernameTtl) {
      if (usernameTtl == null) {
        throw new IllegalArgumentException("usernameTtl is required");
      }
      if (usernameTtl.isNegative()) {
        throw new IllegalArgumentException("usernameTtl must not be negative, was " + usernameTtl);
      }
      this.usernameTtl = usernameTtl;
      return this;
    }

    /**
     * Builds the client and opens its storage.
     *
     * @throws IllegalArgumentException if a caller-supplied storage is combined with settings
     *     that only apply to storages the client creates
     */
    public Client build() {
      if (storage != null) {
        String other = sessionString != null ? "sessionString(...)"
            : inMemory ? "inMemory(true)"
            : workdirSet ? "workdir(...)"
            : usernameTtl != null ? "usernameTtl(...)" : null;
        if (other != null) {
          throw new IllegalArgumentException("storage(...) cannot be combined with " + other
              + ": it applies only to storages the client creates; configure the storage itself");
        }
      }
      return new Client(this);
    }
  }
}
