package dev.jgram;

import dev.jgram.mtproto.RandomSource;
import dev.jgram.mtproto.api.User;
import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.net.RpcException;
import dev.jgram.storage.Storage;
import java.util.function.Function;

/**
 * A user's login by phone (Pyrogram's {@code authorize}): {@code auth.sendCode} (a
 * {@code 303 PHONE_MIGRATE_X} is followed by the network, which moves the home DC),
 * {@code auth.signIn} with codes from the {@link CodeSupplier}, {@code auth.signUp} when
 * Telegram asks for it and a name was given, and on {@code SESSION_PASSWORD_NEEDED} the SRP
 * check ({@link PasswordCheck}). Error answers become typed {@link LoginException}s.
 */
final class UserLogin {
  private final String name;
  private final Storage storage;
  private final String apiHash;
  private final Function<TlObject, Object> invoke;
  private final RandomSource random;

  UserLogin(String name, Storage storage, String apiHash, Function<TlObject, Object> invoke,
      RandomSource random) {
    this.name = name;
    this.storage = storage;
    this.apiHash = apiHash;
    this.invoke = invoke;
    this.random = random;
  }

  /**
   * The digits of a phone number in international format ({@code +}, spaces, brackets and
   * dashes dropped).
   *
   * @throws IllegalArgumentException if that leaves anything but 4 to 20 digits
   */
  static String digits(String phone) {
    String digits = phone == null ? "" : phone.replaceAll("[\\s+()-]", "");
    if (!digits.matches("\\d{4,20}")) {
      throw new IllegalArgumentException("phone must be a phone number in international"
          + " format, such as +15550100");
    }
    return digits;
  }

  /** Runs the login and stores the user id; the caller checked that none is stored. */
  User run(String phone, CodeSupplier codes, PasswordSupplier passwords, String firstName,
      String lastName) {
    TlObject sent = sendCode(phone);
    String previous = null;
    for (int attempt = 1; ; attempt++) {
      TlObject type = sent.object("type");
      String code = codes.code(new CodeSupplier.Request(phone, attempt, Client.MAX_CODE_TRIES,
          type.name(), type.has("length") ? type.intValue("length") : 0, previous));
      if (code == null) {
        throw new LoginCodeException(name + ": the code supplier gave no login code (try "
            + attempt + " of " + Client.MAX_CODE_TRIES + ")", "NO_CODE_GIVEN", attempt - 1, null);
      }
      Object result;
      try {
        result = invoke.apply(TlObject.of("auth.signIn", "phone_number", phone,
            "phone_code_hash", sent.string("phone_code_hash"), "phone_code", code.strip()));
      } catch (RpcException e) {
        String error = e.errorMessage();
        if (error.equals("SESSION_PASSWORD_NEEDED")) {
          return finish(new PasswordCheck(name, invoke, random).run(passwords));
        }
        if (!error.startsWith("PHONE_CODE_")) {
          throw phoneError(e);
        }
        if (attempt == Client.MAX_CODE_TRIES) {
          throw new LoginCodeException(name + ": no login code was accepted in "
              + attempt + " tries (last: " + error + ")", error, attempt, e);
        }
        if (error.equals("PHONE_CODE_EXPIRED")) {
          sent = sendCode(phone);
        }
        previous = error;
        continue;
      }
      return signedIn((TlObject) result, phone, sent, firstName, lastName);
    }
  }

  private TlObject sendCode(String phone) {
    try {
      return (TlObject) invoke.apply(TlObject.of("auth.sendCode", "phone_number", phone,
          "api_id", storage.session().apiId().intValue(), "api_hash", apiHash,
          "settings", TlObject.of("codeSettings")));
    } catch (RpcException e) {
      throw phoneError(e);
    }
  }

  private User signedIn(TlObject result, String phone, TlObject sent, String firstName,
      String lastName) {
    if (!result.name().equals("auth.authorizationSignUpRequired")) {
      return finish(result);
    }
    if (firstName == null) {
      throw new SignUpRequiredException(name + ": the phone number has no Telegram account"
          + " yet; signing up needs a first name (and optionally a last name)");
    }
    try {
      return finish((TlObject) invoke.apply(TlObject.of("auth.signUp", "phone_number", phone,
          "phone_code_hash", sent.string("phone_code_hash"), "first_name", firstName,
          "last_name", lastName == null ? "" : lastName)));
    } catch (RpcException e) {
      throw new LoginException(name + ": auth.signUp was refused: " + e.errorMessage(),
          e.errorMessage(), e);
    }
  }

  /** Stores the user and marks the other DCs' authorisations as belonging to no one yet. */
  private User finish(TlObject authorization) {
    User me = User.from(authorization.object("user"));
    storage.session(storage.session().withUserId(me.id()).withIsBot(me.bot()));
    storage.dcKeys().stream().filter(k -> k.authorized())
        .forEach(k -> storage.dcKey(k.withAuthorized(false)));
    storage.save();
    return me;
  }

  /**
   * A phone error as {@link PhoneNumberException}; a flood wait and anything else stay what
   * they are.
   */
  private RuntimeException phoneError(RpcException e) {
    if (e.errorMessage().startsWith("PHONE_NUMBER_")) {
      return new PhoneNumberException(name + ": Telegram refused the phone number: "
          + e.errorMessage(), e.errorMessage(), e);
    }
    return e;
  }
}
