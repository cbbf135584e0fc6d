package dev.jgram;

import dev.jgram.mtproto.RandomSource;
import dev.jgram.mtproto.srp.SrpAlgorithm;
import dev.jgram.mtproto.srp.SrpAnswer;
import dev.jgram.mtproto.srp.SrpClient;
import dev.jgram.mtproto.srp.SrpException;
import dev.jgram.mtproto.srp.SrpParameters;
import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.net.RpcException;
import java.util.function.Function;

/**
 * Two-step verification after {@code SESSION_PASSWORD_NEEDED}: {@code account.getPassword}
 * (fresh srp_B and srp_id for every try), the SRP answer from the password
 * ({@link SrpClient}), {@code auth.checkPassword}; a wrong password is asked for again up to
 * {@link Client#MAX_PASSWORD_TRIES} times.
 */
final class PasswordCheck {
  static final String KDF = "passwordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow";

  private final String name;
  private final Function<TlObject, Object> invoke;
  private final RandomSource random;

  PasswordCheck(String name, Function<TlObject, Object> invoke, RandomSource random) {
    this.name = name;
    this.invoke = invoke;
    this.random = random;
  }

  /** The {@code auth.authorization} the right password brought. */
  TlObject run(PasswordSupplier passwords) {
    String previous = null;
    for (int attempt = 1; ; attempt++) {
      TlObject account = (TlObject) invoke.apply(TlObject.of("account.getPassword"));
      SrpParameters parameters = parameters(account);
      String password = passwords.password(new PasswordSupplier.Request(account.string("hint"),
          attempt, Client.MAX_PASSWORD_TRIES, previous));
      if (password == null) {
        throw new PasswordException(name + ": the password supplier gave no password (try "
            + attempt + " of " + Client.MAX_PASSWORD_TRIES + ")", "NO_PASSWORD_GIVEN",
            attempt - 1, null);
      }
      try {
        SrpAnswer answer = SrpClient.answer(password, parameters, random);
        return (TlObject) invoke.apply(TlObject.of("auth.checkPassword", "password",
            TlObject.of("inputCheckPasswordSRP", "srp_id", answer.srpId(), "A", answer.a(),
                "M1", answer.m1())));
      } catch (SrpException e) {
        throw new PasswordException(name + ": the server's SRP parameters failed a check: "
            + e.getMessage(), "SRP_PARAMETERS_INVALID", attempt, e);
      } catch (RpcException e) {
        if (!e.errorMessage().equals("PASSWORD_HASH_INVALID")) {
          throw new PasswordException(name + ": auth.checkPassword was refused: "
              + e.errorMessage(), e.errorMessage(), attempt, e);
        }
        if (attempt == Client.MAX_PASSWORD_TRIES) {
          throw new PasswordException(name + ": no password was accepted in " + attempt
              + " tries (last: PASSWORD_HASH_INVALID)", "PASSWORD_HASH_INVALID", attempt, e);
        }
        previous = e.errorMessage();
      }
    }
  }

  private SrpParameters parameters(TlObject account) {
    TlObject algo = account.has("current_algo") ? account.object("current_algo") : null;
    if (!account.flag("has_password") || algo == null) {
      throw new PasswordException(name + ": Telegram asked for a password but"
          + " account.getPassword says the account has none", "NO_PASSWORD_SET", 0, null);
    }
    if (!algo.name().equals(KDF)) {
      throw new PasswordException(name + ": the account's password uses " + algo.name()
          + "; this client knows only " + KDF, "UNSUPPORTED_PASSWORD_ALGORITHM", 0, null);
    }
    SrpAlgorithm srp = new SrpAlgorithm((byte[]) algo.get("salt1"), (byte[]) algo.get("salt2"),
        algo.intValue("g"), (byte[]) algo.get("p"));
    return new SrpParameters(srp, (byte[]) account.get("srp_B"), account.longValue("srp_id"));
  }
}
