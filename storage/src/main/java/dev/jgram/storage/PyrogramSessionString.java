package dev.jgram.storage;

import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * Pyrogram's session strings: the whole session in one URL-safe base64 string without
 * padding, for hosts whose file systems do not survive a restart.
 *
 * <table>
 *   <caption>Current layout (Pyrogram 2.x, struct {@code >BI?256sQ?}): 271 bytes, 362 characters</caption>
 *   <tr><th>offset</th><th>size</th><th>field</th><th>encoding</th></tr>
 *   <tr><td>0</td><td>1</td><td>dc_id</td><td>uint8</td></tr>
 *   <tr><td>1</td><td>4</td><td>api_id</td><td>uint32 big-endian</td></tr>
 *   <tr><td>5</td><td>1</td><td>test_mode</td><td>bool (any non-zero byte is true)</td></tr>
 *   <tr><td>6</td><td>256</td><td>auth_key</td><td>raw bytes</td></tr>
 *   <tr><td>262</td><td>8</td><td>user_id</td><td>uint64 big-endian</td></tr>
 *   <tr><td>270</td><td>1</td><td>is_bot</td><td>bool</td></tr>
 * </table>
 *
 * <table>
 *   <caption>Legacy layouts (Pyrogram 0.15 to 1.4), no api_id</caption>
 *   <tr><th>struct</th><th>bytes</th><th>characters</th><th>user_id</th></tr>
 *   <tr><td>{@code >B?256sI?}</td><td>263</td><td>351</td><td>uint32 at 258</td></tr>
 *   <tr><td>{@code >B?256sQ?}</td><td>267</td><td>356</td><td>uint64 at 258</td></tr>
 * </table>
 *
 * <p>Decoding is more forgiving than Pyrogram 2.x's and never worse: whitespace around the
 * string or inside it (where a terminal wrapped it) is ignored, as Pyrogram 0.15-1.4 did;
 * both base64 alphabets are accepted; padding is optional; and the layout is chosen by the
 * decoded byte count rather than the character count (so a legacy string that kept its
 * {@code =} still decodes). Everything else gets an {@link InvalidSessionStringException}
 * that says what was expected and what was found; the string itself is never quoted.
 * Encoding always writes the current layout, byte-for-byte as Pyrogram does.
 *
 * <p>The string's api_id is an unsigned 32-bit field, {@link Session#apiId()} a Java
 * {@code int}. Telegram's api_ids are positive TL {@code int}s, so the two agree for every
 * real session; a string carrying a value above 2<sup>31</sup>-1 (such as Pyrogram's own
 * test value 4294967295) keeps its 32 bits and reads as a negative int, which encodes back to
 * the same string ({@link Integer#toUnsignedLong(int)} recovers the number).
 */
public final class PyrogramSessionString {
  /** Decoded size of the current layout. */
  public static final int CURRENT_BYTES = 271;
  /** Decoded size of the legacy layout with a 32-bit user id. */
  public static final int LEGACY32_BYTES = 263;
  /** Decoded size of the legacy layout with a 64-bit user id. */
  public static final int LEGACY64_BYTES = 267;
  /** Length of a current string. */
  public static final int CURRENT_CHARS = 362;
  /** Pyrogram's rule: a client name this long (without whitespace) is a session string. */
  public static final int MIN_SESSION_STRING_CHARS = 351;

  private PyrogramSessionString() {}

  /** Whether a name given to a client is a session string by Pyrogram's rule (351+ chars). */
  public static boolean looksLikeSessionString(String name) {
    return name != null && stripWhitespace(name).length() >= MIN_SESSION_STRING_CHARS;
  }

  /**
   * Decodes any of the three layouts. The result's {@code date} is 0 and, for the legacy
   * layouts, its {@code apiId} is unknown.
   *
   * @throws InvalidSessionStringException saying what was expected and what was found
   */
  public static Session decode(String sessionString) {
    if (sessionString == null) {
      throw new InvalidSessionStringException("session string is null");
    }
    String s = stripWhitespace(sessionString);
    if (s.isEmpty()) {
      throw new InvalidSessionStringException("session string is empty");
    }
    byte[] raw;
    try {
      raw = decodeBase64(s);
    } catch (InvalidSessionStringException e) {
      String hint = otherLibraryHint(s);
      if (hint.isEmpty()) {
        throw e;
      }
      throw new InvalidSessionStringException("session string of " + s.length()
          + " characters is not base64 Pyrogram can read; expected " + CURRENT_CHARS
          + " characters (" + CURRENT_BYTES + " bytes, Pyrogram 2.x) or 351/356 characters ("
          + LEGACY32_BYTES + "/" + LEGACY64_BYTES + " bytes, Pyrogram 0.15-1.4)" + hint, e);
    }
    return switch (raw.length) {
      case CURRENT_BYTES -> decodeCurrent(raw);
      case LEGACY32_BYTES, LEGACY64_BYTES -> decodeLegacy(raw);
      default -> throw wrongLength(s, raw.length);
    };
  }

  /**
   * Encodes a session in the current layout.
   *
   * @throws StorageException naming the field if dc_id, api_id, user_id or the auth key is
   *     unknown or out of the layout's range (dc_id 0-255, user_id not negative); api_id is
   *     written as its 32 bits, unsigned
   */
  public static String encode(Session session) {
    require(session.dcId() != null, "dc_id is unknown");
    require(session.apiId() != null,
        "api_id is unknown (a legacy session string or a schema-2 file carries none; set it first)");
    require(session.userId() != null, "user_id is unknown (the session is not logged in)");
    require(session.authKey() != null, "auth_key is unknown (the session is not logged in)");
    int dc = session.dcId();
    require(dc >= 0 && dc <= 255, "dc_id " + dc + " does not fit the layout's uint8");
    require(session.userId() >= 0, "user_id " + session.userId() + " is negative");
    ByteBuffer b = ByteBuffer.allocate(CURRENT_BYTES);
    b.put((byte) dc);
    b.putInt(session.apiId());
    b.put(bool(session.testMode()));
    byte[] key = session.authKey().bytes();
    b.put(key);
    java.util.Arrays.fill(key, (byte) 0);
    b.putLong(session.userId());
    b.put(bool(session.isBot()));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
  }

  private static Session decodeCurrent(byte[] raw) {
    ByteBuffer b = ByteBuffer.wrap(raw);
    int dc = b.get() & 0xff;
    int apiId = b.getInt();
    boolean test = b.get() != 0;
    AuthKey key = readKey(b);
    long userId = b.getLong();
    boolean bot = b.get() != 0;
    return new Session(dc, apiId, test, key, 0, checkUserId(userId), bot);
  }

  private static Session decodeLegacy(byte[] raw) {
    ByteBuffer b = ByteBuffer.wrap(raw);
    int dc = b.get() & 0xff;
    boolean test = b.get() != 0;
    AuthKey key = readKey(b);
    long userId = raw.length == LEGACY32_BYTES ? b.getInt() & 0xffffffffL : b.getLong();
    boolean bot = b.get() != 0;
    return new Session(dc, null, test, key, 0, checkUserId(userId), bot);
  }

  private static AuthKey readKey(ByteBuffer b) {
    byte[] key = new byte[AuthKey.LENGTH];
    b.get(key);
    AuthKey authKey = AuthKey.of(key);
    java.util.Arrays.fill(key, (byte) 0);
    return authKey;
  }

  private static long checkUserId(long userId) {
    if (userId < 0) {
      throw new InvalidSessionStringException(
          "session string has user_id " + Long.toUnsignedString(userId)
              + "; expected at most 9223372036854775807 (the largest id SQLite stores)");
    }
    return userId;
  }

  private static byte[] decodeBase64(String s) {
    String body = s;
    int end = body.length();
    while (end > 0 && body.charAt(end - 1) == '=') {
      end--;
    }
    int padding = body.length() - end;
    body = body.substring(0, end);
    if (padding > 0 && (padding > 2 || (end + padding) % 4 != 0)) {
      throw new InvalidSessionStringException(
          "session string has " + end + " base64 characters followed by " + padding
              + " '=', which is not base64 padding (expected none, or up to two making the length"
              + " a multiple of 4); it has stray characters");
    }
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_' || c == '+' || c == '/';
      if (!ok) {
        throw new InvalidSessionStringException(
            "session string has a character outside base64 at position " + i
                + " (code " + (int) c + "); expected the URL-safe alphabet A-Z a-z 0-9 - _");
      }
    }
    if (body.length() % 4 == 1) {
      throw new InvalidSessionStringException(
          "session string has " + body.length() + " base64 characters, which no byte count "
              + "encodes to (one more than a multiple of 4): it is truncated or has a stray "
              + "character; expected " + CURRENT_CHARS + " characters");
    }
    String urlSafe = body.replace('+', '-').replace('/', '_');
    return Base64.getUrlDecoder().decode(urlSafe);
  }

  private static InvalidSessionStringException wrongLength(String s, int bytes) {
    return new InvalidSessionStringException(
        "session string of " + s.length() + " characters decodes to " + bytes
            + " bytes; expected " + CURRENT_BYTES + " bytes (" + CURRENT_CHARS
            + " characters, Pyrogram 2.x) or " + LEGACY32_BYTES + "/" + LEGACY64_BYTES
            + " bytes (351/356 characters, Pyrogram 0.15-1.4)" + otherLibraryHint(s));
  }

  /** A hint when the string has the shape of another library's session string. */
  private static String otherLibraryHint(String s) {
    if (s.startsWith("1") && (s.length() == 353 || s.length() == 369)) {
      return "; it looks like a Telethon string (starts with '1', " + s.length()
          + " characters), which Pyrogram cannot read";
    }
    if (s.startsWith("1")) {
      return "; it starts with '1' like Telethon and GramJS strings, which Pyrogram cannot read";
    }
    if (s.startsWith("Aw") && s.length() > CURRENT_CHARS) {
      return "; it looks like an mtcute string (version 3, starts with 'Aw'), which Pyrogram"
          + " cannot read";
    }
    if (s.startsWith("{")) {
      return "; it looks like JSON (a gotd session?), not a Pyrogram string";
    }
    return "";
  }

  private static byte bool(Boolean b) {
    return (byte) (b != null && b ? 1 : 0);
  }

  private static void require(boolean ok, String problem) {
    if (!ok) {
      throw new StorageException("cannot export a session string: " + problem);
    }
  }

  static String stripWhitespace(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!Character.isWhitespace(c)) {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
