package dev.jgram.testdc.services;

import dev.jgram.mtproto.srp.SrpAlgorithm;
import dev.jgram.mtproto.srp.SrpAnswer;
import dev.jgram.mtproto.srp.SrpChallenge;
import dev.jgram.mtproto.srp.SrpOutcome;
import dev.jgram.mtproto.tl.TlObject;
import java.util.Map;
import java.util.Optional;

/**
 * {@code account.getPassword} and {@code auth.checkPassword} (spec §6.2, §6.3): both work for a
 * key whose {@code auth.signIn} answered {@code SESSION_PASSWORD_NEEDED}, and
 * {@code account.getPassword} also for a logged-in key. Each {@code account.getPassword} brings a
 * fresh srp_B and srp_id; a check uses them up.
 */
final class PasswordMethods {
  static final String KDF = "passwordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow";
  static final String SECURE_KDF = "securePasswordKdfAlgoPBKDF2HMACSHA512iter100000";

  private final Backend backend;
  private final Passwords passwords;
  private final Map<Long, Long> passwordPending;

  PasswordMethods(Backend backend, Passwords passwords, Map<Long, Long> passwordPending) {
    this.backend = backend;
    this.passwords = passwords;
    this.passwordPending = passwordPending;
  }

  void register(Dispatcher dispatcher) {
    dispatcher.open("account.getPassword", this::getPassword);
    dispatcher.open("auth.checkPassword", this::checkPassword);
  }

  private TlObject getPassword(Call call) {
    Account account = pendingAccount(call)
        .or(() -> backend.state.authorization(call.authKeyId())
            .filter(auth -> !backend.state.revoked(call.authKeyId()))
            .flatMap(auth -> backend.state.account(auth.userId())))
        .orElseThrow(() -> RpcException.unauthorized("AUTH_KEY_UNREGISTERED"));
    TlObject newSecureAlgo = TlObject.of(SECURE_KDF, "salt", backend.random.bytes(8));
    if (account.password() == null) {
      return TlObject.of("account.password", "new_algo", algo(passwords.newAlgorithm()),
          "new_secure_algo", newSecureAlgo, "secure_random", backend.random.bytes(32));
    }
    SrpChallenge challenge = passwords.challenge(call.authKeyId(), account.password(),
        backend.randomLong());
    return TlObject.of("account.password", "has_password", Boolean.TRUE,
        "current_algo", algo(account.password().algorithm()),
        "srp_B", challenge.parameters().srpB(), "srp_id", challenge.srpId(),
        "new_algo", algo(passwords.newAlgorithm()), "new_secure_algo", newSecureAlgo,
        "secure_random", backend.random.bytes(32));
  }

  private TlObject checkPassword(Call call) {
    Account account = pendingAccount(call)
        .orElseThrow(() -> RpcException.unauthorized("AUTH_KEY_UNREGISTERED"));
    TlObject input = call.query().object("password");
    if (!input.name().equals("inputCheckPasswordSRP")) {
      throw RpcException.badRequest("PASSWORD_HASH_INVALID");
    }
    Passwords.Open open = passwords.open(call.authKeyId())
        .orElseThrow(() -> RpcException.badRequest("SRP_ID_INVALID"));
    if (!open.verifier().equals(account.password())) {
      passwords.close(call.authKeyId());
      throw RpcException.badRequest("SRP_PASSWORD_CHANGED");
    }
    SrpOutcome outcome = open.challenge().check(new SrpAnswer(input.longValue("srp_id"),
        (byte[]) input.get("A"), (byte[]) input.get("M1")));
    if (!outcome.accepted()) {
      throw RpcException.badRequest(outcome.name());
    }
    passwords.close(call.authKeyId());
    passwordPending.remove(call.authKeyId());
    return backend.bind(call, account, false);
  }

  /** The account whose sign-in on this key waits for its password. */
  private Optional<Account> pendingAccount(Call call) {
    return Optional.ofNullable(passwordPending.get(call.authKeyId()))
        .flatMap(backend.state::account);
  }

  static TlObject algo(SrpAlgorithm algorithm) {
    return TlObject.of(KDF, "salt1", algorithm.salt1(), "salt2", algorithm.salt2(),
        "g", algorithm.g(), "p", algorithm.p());
  }
}
