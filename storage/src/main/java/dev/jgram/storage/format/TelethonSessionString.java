package dev.jgram.storage.format;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Telethon's {@code StringSession} (version 1): {@code '1'} + URL-safe base64 <em>with</em>
 * {@code =} padding.
 *
 * <table>
 *   <caption>Decoded bytes (big-endian)</caption>
 *   <tr><th>offset</th><th>size</th><th>field</th></tr>
 *   <tr><td>0</td><td>1</td><td>DC id (unsigned)</td></tr>
 *   <tr><td>1</td><td>4 or 16</td><td>server IP, packed (IPv4 or IPv6)</td></tr>
 *   <tr><td>5 / 17</td><td>2</td><td>port (unsigned)</td></tr>
 *   <tr><td>7 / 19</td><td>256</td><td>auth key</td></tr>
 * </table>
 *
 * <p>263 bytes (353 characters with the prefix) for IPv4, 275 (369) for IPv6. No user id,
 * api id or test flag: the test flag is taken from the address where
 * {@link DcAddresses#testModeOf} can tell it. Decoding accepts both base64 alphabets (as
 * Telethon's decoder does) and whitespace; encoding writes exactly what Telethon writes.
 * Telethon chooses the layout by length alone (352 characters after the {@code '1'} is IPv4,
 * any other IPv6), so a string that lost its {@code =} is one Telethon refuses; jgram reads it
 * as IPv4 only when the content confirms that layout (a Telegram address and port), because
 * a Pyrogram 0.15-1.4 string behind a {@code '1'} has the same length and would otherwise
 * decode to a key it does not hold. A 275-byte string whose
 * "IPv6 address" is not Telegram's (2001:… or 2a0a:…) is refused: it is a GramJS string with a
 * 14-character address, which Telethon itself misreads (gram-js/gramjs#509).
 */
final class TelethonSessionString {
  /** Decoded size with an IPv4 address. */
  public static final int IPV4_BYTES = 263;
  /** Decoded size with an IPv6 address. */
  public static final int IPV6_BYTES = 275;

  /** Telethon's own IPv4 length: '1' + 352 characters, padding kept. */
  private static final int IPV4_CHARS = 353;
  private static final SessionFormat FORMAT = SessionFormat.TELETHON_STRING;

  private TelethonSessionString() {}

  /**
   * Decodes a Telethon string (stripped of whitespace, not empty).
   *
   * @throws dev.jgram.storage.InvalidSessionStringException saying what was expected and found
   */
  static PortableSession decode(String text) {
    byte[] raw = decodeRaw(text);
    int ipLength = raw.length == IPV4_BYTES ? 4 : 16;
    byte[] ip = Arrays.copyOfRange(raw, 1, 1 + ipLength);
    if (ipLength == 16 && !isTelegramIpv6(ip)) {
      throw SessionChecks.invalid(FORMAT, "275 bytes (the IPv6 layout), but bytes 1..16 are "
          + "not a Telegram IPv6 address (expected 2001:… or 2a0a:…); a GramJS string with a "
          + "14-character address has this length");
    }
    ByteBuffer b = ByteBuffer.wrap(raw, 1 + ipLength, raw.length - 1 - ipLength);
    int port = b.getShort() & 0xffff;
    if (ipLength == 4 && text.length() != IPV4_CHARS && !isTelegramIpv4(ip, port)) {
      throw SessionChecks.invalid(FORMAT, "263 bytes without the '=' padding: Telethon reads "
          + "only 352 characters after the '1' as the IPv4 layout (this is another length, "
          + "which Telethon refuses), and jgram reads it as IPv4 only when bytes 1..6 are a "
          + "Telegram address and port 443 or 80; found " + IpText.format(ip) + " port " + port
          + " (a Pyrogram 0.15-1.4 string behind a '1' has this length)");
    }
    byte[] key = new byte[256];
    b.get(key);
    return SessionChecks.decoded(FORMAT, raw[0] & 0xff, null, key, IpText.format(ip), port);
  }

  /**
   * Encodes a checked session. A stored IP address is kept (IPv4 or IPv6 layout by its kind);
   * without one, or with a host name, the DC's IPv4 address from {@link DcAddresses} is written.
   */
  static String encode(WritableSession checked) {
    PortableSession session = checked.session();
    byte[] ip = IpText.parse(session.serverAddress());
    ByteBuffer b = ByteBuffer.allocate(1 + ip.length + 2 + 256);
    b.put(session.dcId().byteValue());
    b.put(ip);
    b.putShort(session.port().shortValue());
    session.authKey().copyTo(b.array(), b.position());
    String text = "1" + Base64Text.urlSafePadded(b.array());
    Arrays.fill(b.array(), (byte) 0);
    return text;
  }

  /** The decoded bytes, checked for the prefix and one of the two lengths. */
  static byte[] decodeRaw(String s) {
    byte[] raw = SessionChecks.decodeVersionOne(s, FORMAT);
    if (raw.length != IPV4_BYTES && raw.length != IPV6_BYTES) {
      throw SessionChecks.invalid(FORMAT, s.length() + " characters decode to " + raw.length
          + " bytes; expected " + IPV4_BYTES + " (IPv4, 353 characters) or " + IPV6_BYTES
          + " (IPv6, 369 characters)");
    }
    return raw;
  }

  /**
   * Telegram's IPv4 networks (149.154.160.0/20, 91.108.0.0/16, 91.105.192.0/23) with the port
   * Telethon stores for them, 443 in production or 80 on the test servers.
   */
  private static boolean isTelegramIpv4(byte[] ip, int port) {
    int a = ip[0] & 0xff;
    int b = ip[1] & 0xff;
    boolean telegram = (a == 149 && b == 154) || (a == 91 && (b == 108 || b == 105));
    return telegram && (port == DcAddresses.PRODUCTION_PORT || port == DcAddresses.TEST_PORT);
  }

  private static boolean isTelegramIpv6(byte[] ip) {
    int first = ((ip[0] & 0xff) << 8) | (ip[1] & 0xff);
    return first == 0x2001 || first == 0x2a0a;
  }
}
