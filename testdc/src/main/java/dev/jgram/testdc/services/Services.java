package dev.jgram.testdc.services;

import dev.jgram.mtproto.RandomSource;
import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.testdc.api.Answer;
import dev.jgram.testdc.api.ApiService;
import dev.jgram.testdc.api.CallContext;
import dev.jgram.testdc.api.DcAddress;
import dev.jgram.testdc.api.LoginEvent;
import dev.jgram.testdc.api.UpdatePush;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * The API services of a test cluster, one instance for all its DCs: accounts and logins,
 * migration, exported authorisations, users, messages, updates and differences, answered as
 * Telegram answers them; plus the Java API tests use to add accounts, read login codes, send
 * messages, push updates and arm faults.
 *
 * <pre>{@code
 * Services services = Services.open(dcs, Clock.systemUTC(), RandomSource.secure(), stateDir,
 *     push, logins::add);
 * long bot = services.addBot(BotSpec.parse("123456:AAH-secret@2=my_test_bot"));
 * long user = services.addUser(UserSpec.parse("+15550001234@1:hunter2"));
 * services.fixedLoginCode("12345");              // or services.loginCode(phone) after sendCode
 * services.sendMessage(user, bot, "/start");     // pushes updateShortMessage to the bot
 * services.faults().floodWait("auth.exportAuthorization", 30, 1);
 * }</pre>
 *
 * <p>Answers: methods without a handler answer {@code 400 INPUT_METHOD_INVALID_<METHOD>} (e.g.
 * {@code INPUT_METHOD_INVALID_MESSAGES_GET_DIALOGS}); methods that need a login answer
 * {@code 401 AUTH_KEY_UNREGISTERED} before it ({@code 401 SESSION_REVOKED} after a revocation)
 * and {@code 303 USER_MIGRATE_X} on a DC other than the account's home X (unless the key was
 * authorised there by {@code auth.importAuthorization}); a query whose fields do not fit its
 * method answers {@code 400 INPUT_FETCH_ERROR}. A {@code Vector} result is wrapped as
 * {@link dev.jgram.testdc.api.VectorResult}.
 *
 * <p>Thread-safe: one lock guards all state; {@link UpdatePush#push} is called under it, in pts
 * order, and must not block or call back into the services. Give it a
 * {@link dev.jgram.testdc.api.SessionUpdatePush} so that an account's other sessions hear of
 * what its querying session did.
 */
public final class Services implements ApiService, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Services.class.getName());

  private final Backend backend;
  private final Journal journal;
  private final Dispatcher dispatcher = new Dispatcher();
  private final Admin admin;
  private final Messaging messaging;
  private final ApiFaults faults;

  private Services(Backend backend, Journal journal) {
    this.backend = backend;
    this.journal = journal;
    Passwords passwords = new Passwords(backend.random);
    this.admin = new Admin(backend, passwords);
    this.messaging = new Messaging(backend);
    this.faults = new ApiFaults(backend);
    Inputs inputs = new Inputs(backend.state, backend.hashes);
    Map<Long, Long> passwordPending = new HashMap<>();
    new HelpMethods(backend).register(dispatcher);
    new AuthMethods(backend, passwordPending).register(dispatcher);
    new PasswordMethods(backend, passwords, passwordPending).register(dispatcher);
    new UserMethods(backend, inputs).register(dispatcher);
    new MessageMethods(backend, inputs, messaging).register(dispatcher);
    new UpdateMethods(backend, inputs).register(dispatcher);
  }

  /**
   * Opens the services of a cluster.
   *
   * @param dcs the cluster's DCs as clients dial them; the first is the default home DC
   * @param clock the clock for dates and expiries
   * @param random randomness for codes, hashes, exports and SRP
   * @param stateDir where accounts, authorisations, messages and update state are kept across
   *     restarts, or null to keep them in memory only
   * @param push where pushed updates go
   * @param logins where logins are reported
   * @throws StateFileException if the state directory's journal cannot be read or written
   */
  public static Services open(List<DcAddress> dcs, Clock clock, RandomSource random,
      Path stateDir, UpdatePush push, Consumer<LoginEvent> logins) {
    if (dcs.isEmpty()) {
      throw new IllegalArgumentException("a cluster needs at least one DC");
    }
    ClusterState state = new ClusterState();
    Journal journal = stateDir == null ? Journal.inMemory() : Journal.open(stateDir, state::apply);
    if (state.secret() == null) {
      state.apply(StateLines.lineOf("secret", random.bytes(32)));
    }
    journal.rewrite(state.snapshot());
    state.journal(journal);
    return new Services(new Backend(state, clock, random, dcs, push, logins), journal);
  }

  @Override
  public Answer handle(CallContext context, TlObject query) {
    synchronized (backend.lock) {
      try {
        return Answer.result(dispatch(context, query));
      } catch (RpcException e) {
        return Answer.error(e.code(), e.getMessage());
      } catch (StateFileException e) {
        throw e;
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "cannot answer " + query.name(), e);
        return Answer.error(400, "INPUT_FETCH_ERROR");
      }
    }
  }

  private TlObject dispatch(CallContext context, TlObject query) {
    OptionalInt wait = backend.faults.takeFloodWait(query.name());
    if (wait.isPresent()) {
      throw new RpcException(420, "FLOOD_WAIT_" + wait.getAsInt());
    }
    Dispatcher.Route route = dispatcher.route(query.name()).orElseThrow(() ->
        RpcException.badRequest(Dispatcher.notImplemented(query.name())));
    Account account = route.needsLogin() ? loggedIn(context) : null;
    return route.handler().handle(new Call(context, query, account));
  }

  private Account loggedIn(CallContext context) {
    long key = context.effectiveAuthKeyId();
    if (backend.state.revoked(key)) {
      throw RpcException.unauthorized("SESSION_REVOKED");
    }
    Authorization auth = backend.state.authorization(key)
        .orElseThrow(() -> RpcException.unauthorized("AUTH_KEY_UNREGISTERED"));
    Account account = backend.state.account(auth.userId())
        .orElseThrow(() -> RpcException.unauthorized("AUTH_KEY_UNREGISTERED"));
    if (!auth.imported() && account.homeDc() != context.dcId()) {
      throw RpcException.seeOther("USER", account.homeDc());
    }
    return account;
  }

  @Override
  public OptionalLong userOf(long authKeyId) {
    // Without the lock: every push is routed through here, often while a call holds it.
    return backend.state.liveUser(authKeyId).map(OptionalLong::of).orElse(OptionalLong.empty());
  }

  /** Adds a bot (or updates the bot with that id); returns its user id. */
  public long addBot(BotSpec spec) {
    synchronized (backend.lock) {
      return admin.addBot(spec);
    }
  }

  /** Adds a user (or updates the user with that phone); returns its user id. */
  public long addUser(UserSpec spec) {
    synchronized (backend.lock) {
      return admin.addUser(spec);
    }
  }

  /** The user id of the account with this phone (compared as digits). */
  public OptionalLong userIdOfPhone(String phone) {
    synchronized (backend.lock) {
      return Phones.digits(phone).flatMap(backend.state::accountByPhone)
          .map(a -> OptionalLong.of(a.id())).orElse(OptionalLong.empty());
    }
  }

  /** Moves an account to another home DC: its keys on the old one get {@code USER_MIGRATE}. */
  public void moveAccount(long userId, int homeDc) {
    synchronized (backend.lock) {
      admin.moveAccount(userId, homeDc);
    }
  }

  /** Every later login code is {@code code} (null: 5 random digits per {@code auth.sendCode}). */
  public void fixedLoginCode(String code) {
    if (code != null && !code.matches("[0-9]{5}")) {
      throw new IllegalArgumentException("a login code is 5 digits, got '" + code + "'");
    }
    synchronized (backend.lock) {
      backend.codes.fixedCode(code);
    }
  }

  /** The last login code sent to the phone (compared as digits). */
  public Optional<String> loginCode(String phone) {
    synchronized (backend.lock) {
      return Phones.digits(phone).flatMap(backend.codes::lastCode);
    }
  }

  /**
   * Creates a channel ({@code broadcast}: only the creator posts) or supergroup.
   *
   * @param username its public username, or null for a private one
   * @param members the members besides the creator
   * @return the channel id
   */
  public long addChannel(String title, String username, boolean broadcast, long creatorId,
      Collection<Long> members) {
    synchronized (backend.lock) {
      return admin.addChannel(title, username, broadcast, creatorId, members);
    }
  }

  /** Sends a private message as {@code fromUserId}, pushing the updates it causes. */
  public void sendMessage(long fromUserId, long toUserId, String text) {
    synchronized (backend.lock) {
      admin.requireAccount(fromUserId);
      admin.requireAccount(toUserId);
      messaging.sendPrivate(fromUserId, toUserId, text, null);
    }
  }

  /** Posts in a channel as {@code fromUserId}, pushing the update to every member. */
  public void postToChannel(long channelId, long fromUserId, String text) {
    synchronized (backend.lock) {
      Channel channel = backend.state.channel(channelId).orElseThrow(() ->
          new IllegalArgumentException("no channel has id " + channelId));
      admin.requireAccount(fromUserId);
      messaging.post(channel, fromUserId, text, null);
    }
  }

  /**
   * Pushes one update without pts (e.g. {@code updateUserStatus}) in {@code updates} with the
   * account's next seq. It is not kept for {@code getDifference}, which answers from messages.
   */
  public void pushUpdate(long userId, TlObject update) {
    pushUpdates(userId, List.of(update));
  }

  /**
   * Pushes updates without pts as one {@code updates} (one update, the next seq) or
   * {@code updatesCombined} (several; {@code seq_start} the next seq, {@code seq} one more for
   * each further update), as {@link #pushUpdate} keeps them.
   */
  public void pushUpdates(long userId, List<TlObject> updates) {
    if (updates.isEmpty()) {
      throw new IllegalArgumentException("nothing to push: the list of updates is empty");
    }
    synchronized (backend.lock) {
      admin.requireAccount(userId);
      Box box = backend.state.box(userId);
      int start = box.seq() + 1;
      int now = backend.now();
      backend.state.commit("seq", userId, box.seq() + updates.size(), now);
      backend.push(userId, updates.size() == 1
          ? TlObject.of("updates", "updates", updates, "users", List.of(), "chats", List.of(),
              "date", now, "seq", box.seq())
          : TlObject.of("updatesCombined", "updates", updates, "users", List.of(),
              "chats", List.of(), "date", now, "seq_start", start, "seq", box.seq()));
    }
  }

  /**
   * Sets how {@code getDifference} cuts: at most {@code sliceSize} messages a difference (100
   * by default), {@code differenceTooLong} when more than {@code tooLongAbove} were missed
   * (10,000 by default).
   */
  public void differenceLimits(int sliceSize, int tooLongAbove) {
    if (sliceSize < 1 || tooLongAbove < 1) {
      throw new IllegalArgumentException("difference limits must be positive, got slice "
          + sliceSize + " and too-long " + tooLongAbove);
    }
    synchronized (backend.lock) {
      backend.differenceSlice = sliceSize;
      backend.differenceTooLong = tooLongAbove;
    }
  }

  /** The access hash {@code viewerId} is given for the user {@code userId}. */
  public long userAccessHash(long viewerId, long userId) {
    return backend.hashes.user(viewerId, userId);
  }

  /** The access hash {@code viewerId} is given for the channel {@code channelId}. */
  public long channelAccessHash(long viewerId, long channelId) {
    return backend.hashes.channel(viewerId, channelId);
  }

  /** The faults a test can arm. */
  public ApiFaults faults() {
    return faults;
  }

  /** Closes the state journal; idempotent. */
  @Override
  public void close() {
    synchronized (backend.lock) {
      journal.close();
    }
  }
}
