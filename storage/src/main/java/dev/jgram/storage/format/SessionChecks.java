package dev.jgram.storage.format;

import dev.jgram.storage.AuthKey;
import dev.jgram.storage.InvalidSessionStringException;
import dev.jgram.storage.Session;
import java.util.Arrays;

/**
 * What every reader shares: whitespace stripping, the version-one base64 of Telethon and GramJS,
 * the check of a decoded key and DC, and the session a source describes (what it states plus the
 * test flag its DC and address imply, worked out here and nowhere else on the way in).
 */
final class SessionChecks {
  private static final byte[] ZERO_KEY = new byte[AuthKey.LENGTH];
  private SessionChecks() {}

  /** Strips all whitespace (pasted strings often end in a newline). */
  static String strip(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c)) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * The reason a decoded key or DC id is unusable, or null when both are fine: the key must
   * be 256 bytes and not all zeros, the DC a production (1..5, 203) or test (1..3) one.
   */
  static String problem(Integer dcId, Boolean testMode, byte[] key) {
    if (key == null || key.length != AuthKey.LENGTH) {
      return "auth key has " + (key == null ? 0 : key.length) + " bytes; expected "
          + AuthKey.LENGTH;
    }
    if (Arrays.equals(key, ZERO_KEY)) {
      return "auth key is all zeros (a session saved without a key)";
    }
    if (dcId == null) {
      return "DC id is missing";
    }
    boolean known = testMode == null ? DcAddresses.isKnown(dcId)
        : DcAddresses.isKnown(dcId, testMode);
    if (!known) {
      return "DC id " + dcId + " is not a Telegram data centre; expected 1..5 or 203 in "
          + "production, 1..3 on the test servers";
    }
    return null;
  }

  /**
   * A decoded string's session after checking its key and DC ({@link #problem}; a test flag
   * the address implies never changes that verdict, so the stated one is checked).
   *
   * @throws InvalidSessionStringException prefixed with the format if the key or DC is unusable
   */
  static PortableSession decoded(SessionFormat format, int dcId, Boolean testMode, byte[] key,
      String address, Integer port) {
    String problem = problem(dcId, testMode, key);
    if (problem != null) {
      throw invalid(format, problem);
    }
    return source(dcId, testMode, AuthKey.of(key), address, port);
  }

  /**
   * The session a source describes: DC, key and address as stored, the test flag as stated or
   * else as the DC and address imply ({@link DcAddresses#testModeOf}).
   */
  static PortableSession source(int dcId, Boolean testMode, AuthKey key, String address,
      Integer port) {
    Boolean test = testMode != null ? testMode
        : DcAddresses.testModeOf(dcId, address).orElse(null);
    return PortableSession.of(new Session(dcId, null, test, key, 0, null, null), address, port);
  }

  /**
   * Decodes a stripped Telethon or GramJS string: the version character {@code '1'} followed
   * by base64 (either alphabet, padding optional).
   */
  static byte[] decodeVersionOne(String stripped, SessionFormat format) {
    if (stripped.charAt(0) != '1') {
      throw invalid(format, "does not start with the version character '1'");
    }
    try {
      return Base64Text.decode(stripped.substring(1));
    } catch (IllegalArgumentException e) {
      throw invalid(format, e.getMessage());
    }
  }

  /** An exception whose message starts with the format's name. */
  static InvalidSessionStringException invalid(SessionFormat format, String problem) {
    return new InvalidSessionStringException(format.cliName() + ": " + problem);
  }
}
