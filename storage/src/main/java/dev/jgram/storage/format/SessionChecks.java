package dev.jgram.storage.format;

import dev.jgram.storage.AuthKey;
import dev.jgram.storage.InvalidSessionStringException;
import dev.jgram.storage.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks every reader and writer shares: a usable key and DC on the way in, the fields a
 * format needs on the way out, and the address a format needs when the source had none.
 */
final class SessionChecks {
  private SessionChecks() {}

  /** The endpoint a format writes: address text, its bytes if it is an IP literal, port. */
  record Endpoint(String address, byte[] ip, int port) {}

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
    if (isAllZero(key)) {
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

  /** Throws an {@link InvalidSessionStringException} prefixed with the format if unusable. */
  static void requireUsable(SessionFormat format, Integer dcId, Boolean testMode, byte[] key) {
    String problem = problem(dcId, testMode, key);
    if (problem != null) {
      throw invalid(format, problem);
    }
  }

  /** An exception whose message starts with the format's name. */
  /**
   * Decodes a stripped Telethon or GramJS string: the version character {@code '1'} followed
   * by base64 (either alphabet, padding optional).
   */
  static byte[] decodeVersionOne(String stripped, SessionFormat format) {
    if (stripped.isEmpty()) {
      throw invalid(format, "the string is empty");
    }
    if (stripped.charAt(0) != '1') {
      throw invalid(format, "does not start with the version character '1'");
    }
    try {
      return Base64Text.decode(stripped.substring(1));
    } catch (IllegalArgumentException e) {
      throw invalid(format, e.getMessage());
    }
  }

  static InvalidSessionStringException invalid(SessionFormat format, String problem) {
    return new InvalidSessionStringException(format.cliName() + ": " + problem);
  }

  /** A session read from a format that carries only DC, key and maybe an address. */
  static Session keyOnly(int dcId, String address, byte[] key) {
    Boolean test = DcAddresses.testModeOf(dcId, address).orElse(null);
    return new Session(dcId, null, test, AuthKey.of(key), 0, null, null);
  }

  /** Throws naming every field in {@code required} that the session lacks. */
  static void requireFields(PortableSession s, SessionFormat format, List<SessionField> required) {
    List<SessionField> missing = missing(s, required);
    if (!missing.isEmpty()) {
      throw new MissingSessionFieldsException(format, missing);
    }
  }

  /** The fields of {@code required} the session lacks, in enum order. */
  static List<SessionField> missing(PortableSession s, List<SessionField> required) {
    Session x = s.session();
    List<SessionField> missing = new ArrayList<>();
    for (SessionField f : SessionField.values()) {
      Object value = switch (f) {
        case DC_ID -> x.dcId();
        case AUTH_KEY -> x.authKey();
        case API_ID -> x.apiId();
        case USER_ID -> x.userId();
        case IS_BOT -> x.isBot();
        case TEST_MODE -> x.testMode();
      };
      if (required.contains(f) && value == null) {
        missing.add(f);
      }
    }
    return missing;
  }

  /**
   * Where a format should say the session connects: the stored address (if {@code needIp},
   * only an IP literal; a host name is replaced by the table's address), else the table's
   * IPv4 address for the DC.
   *
   * @throws MissingSessionFieldsException if the address must come from the table and the
   *     test flag is unknown for a DC that exists in both production and test
   */
  static Endpoint endpoint(PortableSession s, SessionFormat format, boolean needIp) {
    requireFields(s, format, List.of(SessionField.DC_ID, SessionField.AUTH_KEY));
    String stored = s.serverAddress();
    byte[] ip = IpText.parse(stored);
    if (stored != null && !stored.isEmpty() && (ip != null || !needIp)) {
      int port = s.port() != null ? s.port() : defaultPort(s.session().testMode());
      return new Endpoint(stored, ip, port);
    }
    DcAddress table = tableAddress(s, format);
    return new Endpoint(table.ipv4(), IpText.parse(table.ipv4()), table.port());
  }

  /** The table entry for the session's DC, in the mode it is known or implied to be in. */
  static DcAddress tableAddress(PortableSession s, SessionFormat format) {
    int dc = s.dcId();
    Boolean test = s.session().testMode();
    if (test == null) {
      test = DcAddresses.testModeOf(dc, s.serverAddress()).orElse(null);
    }
    if (test == null) {
      throw new MissingSessionFieldsException(format, List.of(SessionField.TEST_MODE));
    }
    boolean testMode = test;
    Optional<DcAddress> known = DcAddresses.find(dc, testMode);
    return known.orElseThrow(() -> new dev.jgram.storage.StorageException(
        "cannot write " + format.cliName() + ": DC " + dc + (testMode ? " (test)" : "")
            + " has no known address; expected DC 1..5 or 203 in production, 1..3 in test"));
  }

  private static int defaultPort(Boolean testMode) {
    return Boolean.TRUE.equals(testMode) ? DcAddresses.TEST_PORT : DcAddresses.PRODUCTION_PORT;
  }

  private static boolean isAllZero(byte[] key) {
    for (byte b : key) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }
}
