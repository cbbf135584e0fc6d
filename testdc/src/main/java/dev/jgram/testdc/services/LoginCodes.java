package dev.jgram.testdc.services;

import dev.jgram.mtproto.RandomSource;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Login codes sent by {@code auth.sendCode}: one code per {@code phone_code_hash}, valid for
 * {@link #LIFETIME_SECONDS}, used up by a successful sign-in or sign-up. A code is the fixed one
 * when set; else, as on Telegram's test servers, {@code XXXXX} for a number {@code 99966XYYYY};
 * else 5 random digits. Tests read the last code each phone received. In memory only:
 * a restart forgets pending codes, as a client would have to send a new one anyway.
 */
final class LoginCodes {
  static final int LIFETIME_SECONDS = 300;
  static final int LENGTH = 5;
  private static final Pattern TEST_NUMBER = Pattern.compile("99966[0-9]{5}");

  private final RandomSource random;
  private final Map<String, Pending> byHash = new HashMap<>();
  private final Map<String, String> lastByPhone = new HashMap<>();
  private String fixedCode;

  /**
   * A code that was sent.
   *
   * @param phone the phone as digits
   * @param code the code
   * @param expires when it expires, in Unix seconds
   * @param verified whether {@code auth.signIn} accepted it for a phone without an account
   */
  record Pending(String phone, String code, long expires, boolean verified) {}

  LoginCodes(RandomSource random) {
    this.random = random;
  }

  void fixedCode(String code) {
    this.fixedCode = code;
  }

  /** Sends a new code to the phone; returns its {@code phone_code_hash}. */
  String send(String phone, long now) {
    String code = fixedCode != null ? fixedCode
        : TEST_NUMBER.matcher(phone).matches() ? String.valueOf(phone.charAt(5)).repeat(LENGTH)
        : randomDigits();
    String hash = HexFormat.of().formatHex(random.bytes(8));
    byHash.put(hash, new Pending(phone, code, now + LIFETIME_SECONDS, false));
    lastByPhone.put(phone, code);
    return hash;
  }

  private String randomDigits() {
    StringBuilder code = new StringBuilder();
    for (byte b : random.bytes(LENGTH)) {
      code.append(Math.floorMod(b, 10));
    }
    return code.toString();
  }

  /** The pending code of this hash, unless unknown or expired. */
  Optional<Pending> pending(String hash, long now) {
    Pending pending = byHash.get(hash);
    if (pending != null && pending.expires() < now) {
      byHash.remove(hash);
      return Optional.empty();
    }
    return Optional.ofNullable(pending);
  }

  void markVerified(String hash) {
    byHash.computeIfPresent(hash, (h, p) -> new Pending(p.phone(), p.code(), p.expires(), true));
  }

  void use(String hash) {
    byHash.remove(hash);
  }

  Optional<String> lastCode(String phone) {
    return Optional.ofNullable(lastByPhone.get(phone));
  }
}
