package dev.jgram.storage.format;

import dev.jgram.storage.Session;

/**
 * mtcute's session string, version 3: URL-safe base64 without padding. Integers are
 * little-endian; {@code bytes}, {@code string} and {@code bool} are TL-encoded (a bytes field
 * is its length byte, or 0xFE and a 3-byte length, the data, and zero padding to 4).
 *
 * <table>
 *   <caption>Decoded bytes</caption>
 *   <tr><th>field</th><th>encoding</th><th>present</th></tr>
 *   <tr><td>version = 3</td><td>1 byte</td><td>always</td></tr>
 *   <tr><td>flags: 1 has self, 2 legacy test mode, 4 separate media DC</td><td>int32</td>
 *       <td>always</td></tr>
 *   <tr><td>main DC option</td><td>TL bytes</td><td>always</td></tr>
 *   <tr><td>media DC option</td><td>TL bytes</td><td>flag 4</td></tr>
 *   <tr><td>self user id</td><td>int64</td><td>flag 1</td></tr>
 *   <tr><td>self is bot</td><td>TL bool</td><td>flag 1</td></tr>
 *   <tr><td>auth key</td><td>TL bytes (256)</td><td>always</td></tr>
 * </table>
 *
 * <table>
 *   <caption>A DC option blob</caption>
 *   <tr><th>field</th><th>encoding</th></tr>
 *   <tr><td>option version (2; 1 has no test flag)</td><td>1 byte</td></tr>
 *   <tr><td>DC id</td><td>1 byte</td></tr>
 *   <tr><td>flags: 1 IPv6, 2 media only, 4 test mode</td><td>1 byte</td></tr>
 *   <tr><td>IP address</td><td>TL string</td></tr>
 *   <tr><td>port</td><td>int32</td></tr>
 * </table>
 *
 * <p>A separate media DC is kept in {@link PortableSession#EXTRA_MTCUTE_MEDIA_DC} and written
 * back when the session is still on that DC. The user id is optional (the self block is left
 * out when it is unknown); the test flag is not, since every DC option carries it.
 */
final class MtcuteSessionString {
  /** The only version jgram reads and writes. */
  public static final int VERSION = 3;

  private static final SessionFormat FORMAT = SessionFormat.MTCUTE_STRING;
  private static final int HAS_SELF = 1;
  private static final int LEGACY_TEST = 2;
  private static final int HAS_MEDIA = 4;

  private MtcuteSessionString() {}

  /** One DC option as mtcute writes it. */
  record DcOption(int id, int flags, String address, int port) {
    boolean testMode() {
      return (flags & 4) != 0;
    }

    byte[] encode() {
      return TlBuffer.writer().putRaw(new byte[] {2, (byte) id, (byte) flags})
          .putString(address).putInt32(port).toByteArray();
    }

    String toExtra() {
      return "dc=" + id + ";flags=" + flags + ";port=" + port + ";address=" + address;
    }

    static DcOption fromExtra(String extra) {
      String[] parts = extra.split(";", 4);
      return new DcOption(Integer.parseInt(value(parts[0], "dc")),
          Integer.parseInt(value(parts[1], "flags")), value(parts[3], "address"),
          Integer.parseInt(value(parts[2], "port")));
    }

    private static String value(String part, String name) {
      if (!part.startsWith(name + "=")) {
        throw new IllegalArgumentException("mtcute media DC extra lacks " + name);
      }
      return part.substring(name.length() + 1);
    }
  }

  /**
   * Decodes an mtcute v3 string (stripped of whitespace, not empty).
   *
   * @throws dev.jgram.storage.InvalidSessionStringException saying what was expected and found
   */
  static PortableSession decode(String s) {
    try {
      return decodeBytes(Base64Text.decode(s));
    } catch (IllegalArgumentException e) {
      throw SessionChecks.invalid(FORMAT, e.getMessage());
    }
  }

  /** Encodes a checked session (test flag known; is-bot known when the user id is). */
  static String encode(WritableSession checked) {
    PortableSession session = checked.session();
    Session x = session.session();
    int dc = session.dcId();
    byte[] ip = IpText.parse(session.serverAddress());
    boolean ipv6 = ip != null && ip.length == 16;
    DcOption main = new DcOption(dc, (ipv6 ? 1 : 0) | (x.testMode() ? 4 : 0),
        session.serverAddress(), session.port());
    DcOption media = session.extra(PortableSession.EXTRA_MTCUTE_MEDIA_DC)
        .map(DcOption::fromExtra).filter(m -> m.id() == dc).orElse(null);
    int flags = (x.userId() != null ? HAS_SELF : 0) | (media != null ? HAS_MEDIA : 0);
    TlBuffer w = TlBuffer.writer().putU8(VERSION).putInt32(flags).putBytes(main.encode());
    if (media != null) {
      w.putBytes(media.encode());
    }
    if (x.userId() != null) {
      w.putInt64(x.userId()).putBool(x.isBot());
    }
    byte[] key = x.authKey().bytes();
    byte[] raw = w.putBytes(key).toByteArray();
    String out = Base64Text.urlSafeUnpadded(raw);
    java.util.Arrays.fill(key, (byte) 0);
    java.util.Arrays.fill(raw, (byte) 0);
    return out;
  }

  private static PortableSession decodeBytes(byte[] raw) {
    if (raw.length == 0 || raw[0] != VERSION) {
      throw new IllegalArgumentException(raw.length == 0 ? "decodes to no bytes"
          : "first byte (the version) is " + (raw[0] & 0xff) + "; expected 3");
    }
    TlBuffer r = TlBuffer.reader(raw, 1);
    int flags = r.int32();
    DcOption main = option(r.bytes(), "main");
    DcOption media = (flags & HAS_MEDIA) != 0 ? option(r.bytes(), "media") : null;
    Long userId = null;
    Boolean isBot = null;
    if ((flags & HAS_SELF) != 0) {
      userId = r.int64();
      isBot = r.bool();
    }
    byte[] key = r.bytes();
    if (!r.atEnd()) {
      throw new IllegalArgumentException(
          (raw.length - r.position()) + " bytes follow the auth key; expected none");
    }
    boolean test = main.testMode() || (flags & LEGACY_TEST) != 0;
    PortableSession decoded = SessionChecks.decoded(FORMAT, main.id(), test, key,
        main.address(), main.port());
    PortableSession out = decoded.withSession(decoded.session().withUserId(userId)
        .withIsBot(isBot));
    return media == null ? out
        : out.withExtra(PortableSession.EXTRA_MTCUTE_MEDIA_DC, media.toExtra());
  }

  private static DcOption option(byte[] blob, String which) {
    TlBuffer r = TlBuffer.reader(blob, 0);
    int version = r.u8();
    if (version != 1 && version != 2) {
      throw new IllegalArgumentException(
          which + " DC option has version " + version + "; expected 1 or 2");
    }
    int id = r.u8();
    int flags = r.u8();
    String address = r.string();
    int port = r.int32();
    if (version == 1) {
      flags &= ~4;
    }
    return new DcOption(id, flags, address, port);
  }
}
