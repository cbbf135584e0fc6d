package dev.jgram.testdc.services;

import dev.jgram.mtproto.tl.TlObject;
import java.util.Map;

/**
 * Login and logout: bot tokens, phone codes with sign-up, exported authorisations. Answers and
 * error texts follow core.telegram.org (spec §5, §6.1, §7).
 */
final class AuthMethods {
  private final Backend backend;
  private final Map<Long, Long> passwordPending;

  /**
   * @param passwordPending keys whose sign-in waits for {@code auth.checkPassword}, shared with
   *     {@link PasswordMethods}
   */
  AuthMethods(Backend backend, Map<Long, Long> passwordPending) {
    this.backend = backend;
    this.passwordPending = passwordPending;
  }

  void register(Dispatcher dispatcher) {
    dispatcher.open("auth.importBotAuthorization", this::importBotAuthorization);
    dispatcher.open("auth.sendCode", this::sendCode);
    dispatcher.open("auth.signIn", this::signIn);
    dispatcher.open("auth.signUp", this::signUp);
    dispatcher.open("auth.importAuthorization", this::importAuthorization);
    dispatcher.loggedIn("auth.exportAuthorization", this::exportAuthorization);
    dispatcher.loggedIn("auth.logOut", this::logOut);
  }

  private TlObject importBotAuthorization(Call call) {
    requireApiId(call.query());
    Account bot = BotSpec.tryParseToken(call.query().string("bot_auth_token"))
        .flatMap(token -> backend.state.account(token.botId())
            .filter(a -> a.bot() && a.botSecret().equals(token.secret())))
        .orElseThrow(() -> RpcException.badRequest("ACCESS_TOKEN_INVALID"));
    requireHome(bot, call, "USER");
    return backend.bind(call, bot, false);
  }

  private TlObject sendCode(Call call) {
    String phone = phone(call.query());
    requireApiId(call.query());
    var account = backend.state.accountByPhone(phone);
    if (account.isPresent()) {
      requireHome(account.get(), call, "PHONE");
    } else if (backend.networkMigrateDc != 0 && backend.networkMigrateDc != call.dcId()) {
      throw RpcException.seeOther("NETWORK", backend.networkMigrateDc);
    }
    String hash = backend.codes.send(phone, backend.now());
    TlObject type = TlObject.of(account.isPresent() ? "auth.sentCodeTypeApp"
        : "auth.sentCodeTypeSms", "length", LoginCodes.LENGTH);
    return TlObject.of("auth.sentCode", "type", type, "phone_code_hash", hash);
  }

  private TlObject signIn(Call call) {
    String phone = phone(call.query());
    String hash = pendingHash(call.query(), phone);
    LoginCodes.Pending pending = backend.codes.pending(hash, backend.now()).orElseThrow();
    String code = call.query().string("phone_code");
    if (code == null || code.isEmpty()) {
      throw RpcException.badRequest("PHONE_CODE_EMPTY");
    }
    if (!code.equals(pending.code())) {
      throw RpcException.badRequest("PHONE_CODE_INVALID");
    }
    var account = backend.state.accountByPhone(phone);
    if (account.isEmpty()) {
      backend.codes.markVerified(hash);
      return TlObject.of("auth.authorizationSignUpRequired");
    }
    requireHome(account.get(), call, "USER");
    backend.codes.use(hash);
    if (account.get().password() != null) {
      passwordPending.put(call.authKeyId(), account.get().id());
      throw RpcException.unauthorized("SESSION_PASSWORD_NEEDED");
    }
    return backend.bind(call, account.get(), false);
  }

  private TlObject signUp(Call call) {
    String phone = phone(call.query());
    String hash = pendingHash(call.query(), phone);
    if (!backend.codes.pending(hash, backend.now()).orElseThrow().verified()) {
      throw RpcException.badRequest("PHONE_CODE_INVALID");
    }
    if (backend.state.accountByPhone(phone).isPresent()) {
      throw RpcException.badRequest("PHONE_NUMBER_OCCUPIED");
    }
    String first = strip(call.query().string("first_name"));
    if (first == null || first.length() > 64) {
      throw RpcException.badRequest("FIRSTNAME_INVALID");
    }
    String last = strip(call.query().string("last_name"));
    if (last != null && last.length() > 64) {
      throw RpcException.badRequest("LASTNAME_INVALID");
    }
    Account account = new Account(backend.state.newUserId(), false, phone, first, last, null,
        call.dcId(), null, null);
    backend.state.commit(StateLines.account(account));
    backend.codes.use(hash);
    return backend.bind(call, account, false);
  }

  private TlObject exportAuthorization(Call call) {
    int target = call.query().intValue("dc_id");
    if (!backend.hasDc(target) || target == call.dcId()) {
      throw RpcException.badRequest("DC_ID_INVALID");
    }
    byte[] bytes = backend.random.bytes(128);
    backend.exports.put(bytes, new Exports.Entry(call.userId(), target,
        backend.now() + (long) Exports.LIFETIME_SECONDS));
    return TlObject.of("auth.exportedAuthorization", "id", call.userId(), "bytes", bytes);
  }

  private TlObject importAuthorization(Call call) {
    byte[] bytes = (byte[]) call.query().get("bytes");
    Account account = backend.exports.take(call.query().longValue("id"), bytes, call.dcId(),
            backend.now())
        .flatMap(entry -> backend.state.account(entry.userId()))
        .orElseThrow(() -> RpcException.badRequest("AUTH_BYTES_INVALID"));
    return backend.bind(call, account, account.homeDc() != call.dcId());
  }

  private TlObject logOut(Call call) {
    backend.state.commit("unbind", call.authKeyId());
    return TlObject.of("auth.loggedOut");
  }

  private static String phone(TlObject query) {
    return Phones.digits(query.string("phone_number"))
        .orElseThrow(() -> RpcException.badRequest("PHONE_NUMBER_INVALID"));
  }

  /** The query's phone_code_hash, checked to be pending for this phone. */
  private String pendingHash(TlObject query, String phone) {
    String hash = query.string("phone_code_hash");
    if (hash == null || hash.isEmpty()) {
      throw RpcException.badRequest("PHONE_CODE_HASH_EMPTY");
    }
    LoginCodes.Pending pending = backend.codes.pending(hash, backend.now())
        .orElseThrow(() -> RpcException.badRequest("PHONE_CODE_EXPIRED"));
    if (!pending.phone().equals(phone)) {
      throw RpcException.badRequest("PHONE_NUMBER_INVALID");
    }
    return hash;
  }

  private static void requireApiId(TlObject query) {
    if (query.intValue("api_id") <= 0) {
      throw RpcException.badRequest("API_ID_INVALID");
    }
  }

  private static void requireHome(Account account, Call call, String kind) {
    if (account.homeDc() != call.dcId()) {
      throw RpcException.seeOther(kind, account.homeDc());
    }
  }

  private static String strip(String name) {
    String stripped = name == null ? "" : name.strip();
    return stripped.isEmpty() ? null : stripped;
  }
}
