package dev.jgram;

import dev.jgram.mtproto.api.User;
import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.net.DcAddress;
import dev.jgram.net.NetException;
import dev.jgram.net.NetOptions;
import dev.jgram.net.Transport;
import dev.jgram.storage.InputPeer;
import dev.jgram.storage.PeerNotFoundException;
import dev.jgram.storage.Session;
import dev.jgram.storage.Storage;
import dev.jgram.storage.StorageConfig;
import dev.jgram.storage.StorageException;
import dev.jgram.storage.UpdateState;
import dev.jgram.storage.format.DetectedSession;
import dev.jgram.storage.format.SessionFormat;
import dev.jgram.storage.format.SessionName;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

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
 * network is reached lazily, on the first {@link #loginBot}, {@link #getMe()} or
 * {@link #invoke}: the first connection makes the auth key when the storage holds none and
 * writes it at once; a stored key is used as it is (no key exchange, no login call).
 * {@link #close()} closes the connection, saves and closes the storage.
 *
 * <pre>{@code
 * try (var app = Client.builder("my_bot").apiId(12345).apiHash("0123...cdef").build()) {
 *   User me = app.loginBot("123456:ABC-DEF");   // later runs: no key exchange, no login
 *   Object config = app.invoke(TlObject.of("help.getConfig"));
 * }
 * }</pre>
 *
 * <p>A client is safe to use from several threads.
 */
public final class Client implements AutoCloseable {
  /** How many login codes {@link #loginUser} asks for at most. */
  public static final int MAX_CODE_TRIES = 5;

  /** How many two-step verification passwords {@link #loginUser} asks for at most. */
  public static final int MAX_PASSWORD_TRIES = 3;

  private static final Pattern BOT_TOKEN = Pattern.compile("^\\d+:[A-Za-z0-9_-]+$");
  private final String name;
  private final Storage storage;
  private final SessionFormat source;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final ClientNetwork network;
  private final String apiHash;
  private final Handlers handlers = new Handlers();
  private final UpdateLoop updates;

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
    this.name = SessionName.ofClient(b.name, b.workdir) instanceof SessionName.Text
        ? ":memory:" : b.name;
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
    this.apiHash = b.apiHash;
    this.network = new ClientNetwork(this.name, storage, b.netSettings(),
        loaded == null ? null : sessionAddress(loaded), this::cachePeers, this::pushed,
        this::sessionCreated);
    this.updates = new UpdateLoop(this.name, storage, network::invoke, network::decode,
        handlers, java.time.Clock.systemUTC());
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
   * <p>A username the cache misses (or whose entry expired) is asked of Telegram with
   * {@code contacts.resolveUsername} when the client is online (after a {@link #loginBot},
   * {@link #getMe()} or {@link #invoke} of this run), and the answer goes to the cache.
   *
   * @throws PeerNotFoundException if the cache does not know the peer (or the username's
   *     entry has expired) and, for a username, the client is offline or Telegram does not
   *     know it either
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
    try {
      return PeerResolver.resolve(storage, text);
    } catch (PeerNotFoundException miss) {
      String username = PeerResolver.normalise(text);
      if (!network.isOnline() || username.isEmpty() || PeerResolver.isInteger(username)) {
        throw miss;
      }
      TlObject resolved;
      try {
        resolved = (TlObject) invoke(UsernameLookup.request(username));
      } catch (dev.jgram.net.RpcException unknown) {
        if (unknown.code() == 400 && unknown.errorMessage().startsWith("USERNAME_")) {
          miss.addSuppressed(unknown);
          throw miss;
        }
        throw unknown;
      }
      return UsernameLookup.inputPeer(resolved, miss);
    }
  }

  /**
   * Logs a bot in with its token ({@code 123456:ABC-DEF...} from BotFather), as Pyrogram's
   * {@code start(bot_token=...)}: the first connection makes the auth key (stored at once with
   * the DC, test flag and api_id), then {@code auth.importBotAuthorization}; the user id and
   * bot flag are stored after it. A session that is already logged in makes no login call: it
   * just answers {@link #getMe()}. A {@code 303 USER_MIGRATE_X} moves the session to DC X.
   *
   * @throws IllegalArgumentException if the token is not {@code <bot id>:<secret>} (the token
   *     is never repeated)
   * @throws IllegalStateException without an api_id or api_hash
   * @throws dev.jgram.net.RpcException e.g. {@code 400 ACCESS_TOKEN_INVALID}
   * @throws LoginRequiredException if the stored key is dead
   * @throws NetException if the DC cannot be reached (typed subclasses)
   */
  public User loginBot(String token) {
    if (token == null || !BOT_TOKEN.matcher(token).matches()) {
      throw new IllegalArgumentException("bot token must be <bot id>:<secret> as BotFather"
          + " gives it");
    }
    Session session = storage.session();
    if (session.userId() != null && session.authKey() != null) {
      return getMe();
    }
    if (apiHash == null) {
      throw new IllegalStateException(name + ": api_hash is required to log in: give it with"
          + " apiHash(...)");
    }
    TlObject authorization = (TlObject) invoke(TlObject.of("auth.importBotAuthorization",
        "flags", 0, "api_id", storage.session().apiId().intValue(), "api_hash", apiHash,
        "bot_auth_token", token));
    User me = User.from(authorization.object("user"));
    storage.session(storage.session().withUserId(me.id()).withIsBot(me.bot()));
    storage.save();
    recordUpdateState();
    return me;
  }

  /**
   * Logs a user in by phone, as Pyrogram's {@code authorize}; a session that is already
   * logged in makes no call but {@link #getMe()}. See
   * {@link #loginUser(String, CodeSupplier, PasswordSupplier, String, String)}; a phone number
   * with no account ends in {@link SignUpRequiredException}.
   */
  public User loginUser(String phone, CodeSupplier codes, PasswordSupplier passwords) {
    return loginUser(phone, codes, passwords, null, null);
  }

  /**
   * Logs a user in by phone: {@code auth.sendCode} (a {@code 303 PHONE_MIGRATE_X} moves the
   * session to DC X, where a new key is made and stored as home; the key of the DC the login
   * started on is kept as another DC's, not authorised), {@code auth.signIn} with the code
   * from {@code codes} (asked again after an invalid or expired one, up to
   * {@link #MAX_CODE_TRIES} codes), and on {@code SESSION_PASSWORD_NEEDED} the two-step
   * verification: {@code account.getPassword}, an SRP proof of the password from
   * {@code passwords} (up to {@link #MAX_PASSWORD_TRIES}), {@code auth.checkPassword}. A phone
   * number with no account is signed up with {@code firstName} and {@code lastName}. The user
   * id is stored once logged in.
   *
   * @param phone the phone number in international format ({@code +} and spaces allowed)
   * @param firstName the first name to sign up with, or null to refuse signing up
   * @param lastName the last name to sign up with, or null
   * @throws LoginCodeException if no code was accepted (or none was given)
   * @throws PasswordException if no password was accepted (or none was given)
   * @throws PhoneNumberException if Telegram refused the number (invalid, banned, ...)
   * @throws SignUpRequiredException if the number has no account and no first name was given
   * @throws dev.jgram.net.FloodWaitException if Telegram asks to wait longer than the
   *     threshold
   * @throws IllegalStateException without an api_id or api_hash
   */
  public User loginUser(String phone, CodeSupplier codes, PasswordSupplier passwords,
      String firstName, String lastName) {
    String digits = UserLogin.digits(phone);
    if (codes == null || passwords == null) {
      throw new IllegalArgumentException("a code supplier and a password supplier are required");
    }
    Session session = storage.session();
    if (session.userId() != null && session.authKey() != null) {
      return getMe();
    }
    if (apiHash == null) {
      throw new IllegalStateException(name + ": api_hash is required to log in: give it with"
          + " apiHash(...)");
    }
    return new UserLogin(name, storage, apiHash, this::invoke, dev.jgram.mtproto.RandomSource
        .secure()).run(digits, codes, passwords, firstName, lastName);
  }

  /**
   * Logs the session out and deletes it, as Pyrogram's {@code log_out}: {@code auth.logOut}
   * on the home DC (and on other DCs where an authorisation was imported), then the storage
   * is deleted (the session file, the PostgreSQL rows; a memory or string session is just
   * dropped) and the client closed. A key Telegram already forgot, or one that was never
   * logged in ({@code 401}), is not an error here.
   *
   * @throws NetException if the home DC cannot be reached (nothing is deleted then)
   */
  public void logOut() {
    if (closed.get()) {
      throw new IllegalStateException(name + ": the client is closed");
    }
    try {
      network.logOut();
    } catch (LoginRequiredException alreadyDead) {
      // Telegram no longer knows the key or its login: there is nothing left to log out.
    } catch (dev.jgram.net.RpcException e) {
      if (e.code() != 401) {
        throw e; // 401: the key was never logged in, or no longer is
      }
    }
    closed.set(true);
    network.close();
    storage.delete();
  }

  /**
   * Calls a method on DC {@code dcId}: on the home DC as {@link #invoke}; on another one with
   * that DC's stored key and authorisation, or a new key and an authorisation exported from
   * the home DC, both stored for the next start. A {@code 303 FILE_MIGRATE_X} or
   * {@code STATS_MIGRATE_X} answer to {@link #invoke} goes the same way.
   *
   * @throws dev.jgram.net.RpcException for an error answer, typed
   */
  public Object invokeOn(int dcId, TlObject method) {
    if (closed.get()) {
      throw new IllegalStateException(name + ": the client is closed");
    }
    if (dcId <= 0) {
      throw new IllegalArgumentException("dcId must be 1 or more, was " + dcId);
    }
    return network.invokeOn(dcId, method);
  }

  /** Authorisations this client exported from its home DC since it was built. */
  public int exports() {
    return network.exports();
  }

  /**
   * The logged-in account: {@code users.getUsers([inputUserSelf])}.
   *
   * @throws dev.jgram.net.RpcException {@code 401 AUTH_KEY_UNREGISTERED} if never logged in
   * @throws LoginRequiredException if the stored key is dead
   */
  public User getMe() {
    List<?> users = (List<?>) invoke(TlObject.of("users.getUsers", "id",
        List.of(TlObject.of("inputUserSelf"))));
    if (users.isEmpty()) {
      throw new NetException(name + ": users.getUsers([inputUserSelf]) returned no user");
    }
    return User.from((TlObject) users.get(0));
  }

  /**
   * Calls any method of the API schema (layer 198) on the home DC and returns its decoded
   * result: a {@link TlObject}, a {@code List}, a {@code Boolean}, ... Home-moving migrations
   * are followed, flood waits up to the threshold waited out; every user and chat in the
   * result goes to the peer cache.
   *
   * @throws IllegalArgumentException if the object is not a method of the schema
   * @throws dev.jgram.net.RpcException for an error answer, typed
   * @throws LoginRequiredException if the stored key is dead
   */
  public Object invoke(TlObject method) {
    if (closed.get()) {
      throw new IllegalStateException(name + ": the client is closed");
    }
    Object result = network.invoke(method);
    if (UpdateLoop.carriesUpdates(result)) {
      updates.sent((TlObject) result, method);
    }
    return result;
  }

  /**
   * Registers a handler for every update, and starts receiving them (the first handler starts
   * the client's update loop, which connects if needed). Updates come in order, each once; the
   * state (pts, qts, date, seq, each channel's pts) is kept in storage together with the peers
   * pushed updates named, after the handlers were given them (an answer's peers, a
   * difference's included, are written as it arrives). A client with a stored state first
   * catches up with {@code updates.getDifference}; one without asks {@code updates.getState}.
   * After a crash the updates since the last kept state are delivered again (at least once, in
   * order); after {@link #close()} none is delivered twice. Handlers run on a shared update
   * thread, one update at a time: a slow handler holds this client's updates back.
   *
   * @throws IllegalArgumentException if {@code handler} is null
   * @throws IllegalStateException if the client is closed
   */
  public void onUpdate(Consumer<Update> handler) {
    if (closed.get()) {
      throw new IllegalStateException(name + ": the client is closed");
    }
    handlers.add(handler);
    updates.start();
  }

  /**
   * Registers a handler for new messages ({@code updateNewMessage} and {@code
   * updateNewChannelMessage}, whether pushed, in a short shape or from a difference), as
   * {@link #onUpdate} does for every update.
   */
  public void onNewMessage(Consumer<NewMessage> handler) {
    if (handler == null) {
      throw new IllegalArgumentException("handler is required");
    }
    onUpdate(u -> NewMessage.of(u).ifPresent(handler));
  }

  /** Key exchanges this client has made since it was built (0 when a stored key served). */
  public int keyExchanges() {
    return network.keyExchanges();
  }

  /**
   * Saves the session (its {@code date} becomes now) and closes the storage. Idempotent. A
   * storage that was already closed or deleted through {@link #storage()} (a log-out) has
   * nothing left to save and is left as it is.
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      updates.stop();
      network.close();
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

  /**
   * Feeds the peer cache from a result or pushed update: every user and chat in it. The
   * extraction (Pyrogram's fetch_peers with the min rules) is the peers work's
   * {@code ResultPeers}; this is the one place every answer passes through.
   */
  private void cachePeers(Object result) {
    PeerCacheFeed.accept(storage, result);
  }

  /**
   * A pushed {@code Updates} object, still encoded: to the update loop once it runs (decoded on
   * its thread), else decoded here for the cache.
   */
  private void pushed(byte[] pushed) {
    if (!updates.pushed(pushed)) {
      try {
        cachePeers(network.decode(pushed));
      } catch (RuntimeException undecodable) {
        System.getLogger(Client.class.getName()).log(System.Logger.Level.DEBUG,
            "a pushed update could not be decoded", undecodable);
      }
    }
  }

  /**
   * The home DC started a new session ({@code new_session_created}): the server may have lost
   * updates of the old one, so a running update loop fetches the difference.
   */
  private void sessionCreated() {
    updates.sessionCreated();
  }

  /**
   * After a login: records {@code updates.getState} unless a state is stored, so what is sent
   * between the login and the first start comes in that start's difference. The login stands
   * if the server refuses the call: the first start then asks for the state itself.
   */
  private void recordUpdateState() {
    if (storage.updateState().isEmpty()) {
      try {
        TlObject state = (TlObject) invoke(TlObject.of("updates.getState"));
        storage.updateState(new UpdateState(state.intValue("pts"), state.intValue("qts"),
            state.intValue("date"), state.intValue("seq")));
      } catch (dev.jgram.net.RpcException refused) {
        System.getLogger(Client.class.getName()).log(System.Logger.Level.WARNING, name
            + ": updates.getState after the login failed (" + refused.getMessage() + "); the"
            + " first start asks again");
      }
    }
    updates.loggedIn();
  }

  /** Where a session string of Telethon, GramJS, mtcute or gotd says its server is. */
  private static DcAddress sessionAddress(DetectedSession loaded) {
    var s = loaded.session();
    Integer dc = s.session().dcId();
    if (s.serverAddress() == null || s.serverAddress().isEmpty() || s.port() == null
        || dc == null || s.port() <= 0) {
      return null;
    }
    return new DcAddress(dc, s.serverAddress(), s.port());
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
    private String apiHash;
    private final List<DcAddress> dcs = new ArrayList<>();
    private final List<String> serverKeys = new ArrayList<>();
    private Boolean testMode;
    private Transport transport;
    private UnaryOperator<NetOptions> netOptions;
    private Integer floodSleepThreshold;

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

    /** The application's api_hash, needed to log in. Never shown by {@code toString()}. */
    public Builder apiHash(String apiHash) {
      if (apiHash == null || apiHash.isBlank()) {
        throw new IllegalArgumentException("apiHash must not be blank");
      }
      this.apiHash = apiHash;
      return this;
    }

    /**
     * Where DC {@code id} listens, overriding the address a session string carries (repeat
     * for several DCs). Once any DC is given, Telegram's built-in table is not used: a DC the
     * client must move to and was not given is looked up in the server's
     * {@code help.getConfig}.
     */
    public Builder dc(int id, String host, int port) {
      dcs.add(new DcAddress(id, host, port));
      return this;
    }

    /**
     * Trusts another server RSA key (PKCS#1 PEM, {@code -----BEGIN RSA PUBLIC KEY-----}), in
     * addition to Telegram's.
     *
     * @throws IllegalArgumentException if the text holds no such key
     */
    public Builder serverKey(String pem) {
      dev.jgram.net.ServerKeys.none().withPem(pem);
      serverKeys.add(pem);
      return this;
    }

    /** Telegram's test DCs ({@code true}) or production; by default the session's flag. */
    public Builder testMode(boolean testMode) {
      this.testMode = testMode;
      return this;
    }

    /** The transport; plain intermediate by default. */
    public Builder transport(Transport transport) {
      if (transport == null) {
        throw new IllegalArgumentException("transport is required");
      }
      this.transport = transport;
      return this;
    }

    /**
     * Flood waits up to this many seconds are waited out and the call repeated; longer ones
     * throw {@link dev.jgram.net.FloodWaitException} carrying the seconds. Pyrogram's
     * {@code sleep_threshold}; 10 by default.
     */
    public Builder floodSleepThreshold(int seconds) {
      if (seconds < 0) {
        throw new IllegalArgumentException("floodSleepThreshold must not be negative, was "
            + seconds);
      }
      this.floodSleepThreshold = seconds;
      return this;
    }

    /**
     * A last change to the network options, applied once they are built from the session and
     * the settings above: the loop, clock, randomness, timeouts, reconnection and flood-wait
     * policy (tests inject these).
     */
    public Builder netOptions(UnaryOperator<NetOptions> change) {
      if (change == null) {
        throw new IllegalArgumentException("netOptions change is required");
      }
      this.netOptions = change;
      return this;
    }

    NetSettings netSettings() {
      Integer threshold = floodSleepThreshold;
      UnaryOperator<NetOptions> change = netOptions;
      UnaryOperator<NetOptions> all = o -> {
        NetOptions withThreshold = threshold == null ? o : o.withFloodSleepThreshold(threshold);
        return change == null ? withThreshold : change.apply(withThreshold);
      };
      return new NetSettings(apiHash, dcs, serverKeys, testMode, transport, all);
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
