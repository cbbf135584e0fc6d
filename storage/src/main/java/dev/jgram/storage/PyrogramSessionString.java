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
 * <p>The layout is chosen as Pyrogram 2.x chooses it, by the length of the string as given,
 * padding counted: exactly 351 characters is the legacy 32-bit layout, exactly 356 the legacy
 * 64-bit one, any other length the current layout, and the string must then decode to that
 * layout's byte count. Decoding is more forgiving than Pyrogram 2.x's in two named ways only,
 * neither of which changes the layout chosen: whitespace around the string or inside it (where
 * a terminal wrapped it) is ignored, as Pyrogram 0.15-1.4 did before counting; and padding
 * is optional where Pyrogram re-pads anyway (a current string with its {@code ==} still
 * decodes, as in Pyrogram). A legacy 351-character string that kept its {@code =} (352
 * characters) is refused, as Pyrogram refuses it: it has the length of a Telethon IPv4 string
 * that lost its leading {@code '1'}, and reading those bytes as Pyrogram's would give a key
 * the string does not hold. Bytes that are a Telethon or GramJS session (a Telegram address
 * where Pyrogram writes its 0/1 test flag) are refused in every layout, naming the library.
 * Every refusal is an {@link InvalidSessionStringException} that says what was expected and
 * what was found; the string itself is never quoted. Encoding always writes the current
 * layout, byte-for-byte as Pyrogram does.
 *
 * <p>The string's api_id is an unsigned 32-bit field and {@link Session#apiId()} a
 * {@code Long} holding its value, 0 to {@link Session#MAX_API_ID} (Pyrogram's own test value
 * 4294967295 included).
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
  /** Length of a legacy string with a 32-bit user id (its one {@code =} stripped). */
  public static final int LEGACY32_CHARS = 351;
  /** Length of a legacy string with a 64-bit user id. */
  public static final int LEGACY64_CHARS = 356;
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
    byte[] raw = decodeBase64WithHint(s);
    int expected = layoutBytes(s.length());
    if (raw.length != expected) {
      throw wrongLength(s, raw, expected);
    }
    String foreign = LostVersionCharacter.foreignSession(raw);
    if (foreign != null) {
      throw new InvalidSessionStringException("session string of " + s.length()
          + " characters has the length of Pyrogram's " + layoutName(expected) + " layout, but "
          + "its bytes are " + foreign + " where Pyrogram writes its 0/1 test flag: a string "
          + "that lost its leading version character '1' in copying, whose key Pyrogram's "
          + "layout would misread; restore the '1' and read it as that library's string");
    }
    Session session = expected == CURRENT_BYTES ? decodeCurrent(raw) : decodeLegacy(raw);
    java.util.Arrays.fill(raw, (byte) 0);
    return session;
  }

  /** The decoded bytes; a string that is not base64 gets a hint when it resembles another's. */
  private static byte[] decodeBase64WithHint(String s) {
    try {
      return decodeBase64(s);
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
  }

  /** Pyrogram's rule: 351 characters is legacy-32, 356 legacy-64, any other the current. */
  private static int layoutBytes(int chars) {
    return switch (chars) {
      case LEGACY32_CHARS -> LEGACY32_BYTES;
      case LEGACY64_CHARS -> LEGACY64_BYTES;
      default -> CURRENT_BYTES;
    };
  }

  private static String layoutName(int bytes) {
    return switch (bytes) {
      case LEGACY32_BYTES -> "legacy 351-character (" + LEGACY32_BYTES + "-byte)";
      case LEGACY64_BYTES -> "legacy 356-character (" + LEGACY64_BYTES + "-byte)";
      default -> "2.x (" + CURRENT_BYTES + "-byte)";
    };
  }

  /**
   * Encodes a session in the current layout.
   *
   * @throws StorageException naming the field if dc_id, api_id, user_id or the auth key is
   *     unknown or out of the layout's range (dc_id 0-255, user_id not negative)
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
    b.putInt((int) (long) session.apiId()); // uint32: Session keeps it in 0..2^32-1
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
    long apiId = Integer.toUnsignedLong(b.getInt());
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

  private static InvalidSessionStringException wrongLength(String s, byte[] raw, int expected) {
    String hint = LostVersionCharacter.hint(raw);
    return new InvalidSessionStringException(
        "session string of " + s.length() + " characters decodes to " + raw.length
            + " bytes; expected " + CURRENT_BYTES + " bytes (" + CURRENT_CHARS
            + " characters, Pyrogram 2.x) or " + LEGACY32_BYTES + "/" + LEGACY64_BYTES
            + " bytes (351/356 characters, Pyrogram 0.15-1.4); Pyrogram chooses the layout by "
            + "the length as given, padding counted, so " + s.length() + " characters must be "
            + expected + " bytes" + (hint.isEmpty() ? otherLibraryHint(s) : hint));
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
    if (s.length() == LEGACY32_CHARS + 1 && s.endsWith("=")) {
      return "; 352 characters ending in '=' is the length of a Telethon IPv4 string that lost "
          + "its leading version character '1' (Telethon writes '1' + 352 characters) and of a "
          + "Pyrogram 0.15-1.4 string that kept its '=' (Pyrogram refuses both with 'unpack "
          + "requires a buffer of 271 bytes'): restore the '1' of a Telethon string, or remove "
          + "the '=' of a Pyrogram one";
    }
    if (s.length() == 368 && s.endsWith("=")) {
      return "; 368 characters ending in '=' is the length of a Telethon IPv6 string that lost "
          + "its leading version character '1' (Telethon writes '1' + 368 characters): restore "
          + "the '1' and read it as a Telethon string";
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
