package dev.jgram.storage.format;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * GramJS's {@code StringSession}: {@code '1'} + standard base64 ({@code +/}, padded).
 *
 * <table>
 *   <caption>Decoded bytes (big-endian)</caption>
 *   <tr><th>offset</th><th>size</th><th>field</th></tr>
 *   <tr><td>0</td><td>1</td><td>DC id</td></tr>
 *   <tr><td>1</td><td>2</td><td>address length L (GramJS reads it signed)</td></tr>
 *   <tr><td>3</td><td>L</td><td>address as text: dotted IPv4, IPv6 text or a host name</td></tr>
 *   <tr><td>3+L</td><td>2</td><td>port (GramJS writes it signed)</td></tr>
 *   <tr><td>5+L</td><td>256</td><td>auth key</td></tr>
 * </table>
 *
 * <p>261 + L bytes: {@code 149.154.167.51} (14 characters) gives 275 bytes, exactly the size
 * of a Telethon IPv6 string; {@link SessionFormats#detect(String)} tries GramJS first for that
 * reason. GramJS reads an address longer than 100 bytes as a Telethon IPv6 string, so the
 * encoder refuses such addresses, and ports above 32767, which GramJS cannot write. The
 * address text is kept as stored (GramJS's own IPv6 default is the long form).
 */
final class GramJsSessionString {
  /** GramJS reads an address length above this as a Telethon IPv6 string. */
  public static final int MAX_ADDRESS_LENGTH = 100;

  private static final SessionFormat FORMAT = SessionFormat.GRAMJS_STRING;

  private GramJsSessionString() {}

  /**
   * Decodes a GramJS string.
   *
   * @throws dev.jgram.storage.InvalidSessionStringException saying what was expected and found
   */
  static PortableSession decode(String text) {
    byte[] raw = decodeRaw(text);
    int length = ((raw[1] & 0xff) << 8) | (raw[2] & 0xff);
    String address = new String(raw, 3, length, StandardCharsets.US_ASCII);
    ByteBuffer b = ByteBuffer.wrap(raw, 3 + length, 258);
    int port = b.getShort() & 0xffff;
    byte[] key = new byte[256];
    b.get(key);
    return SessionChecks.decoded(FORMAT, raw[0] & 0xff, null, key, address, port);
  }

  /**
   * Encodes a checked session, keeping a stored address (even a host name) as text; without
   * one, the DC's IPv4 address from {@link DcAddresses} is written.
   */
  static String encode(WritableSession checked) {
    PortableSession session = checked.session();
    byte[] address = session.serverAddress().getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(261 + address.length);
    b.put(session.dcId().byteValue());
    b.putShort((short) address.length);
    b.put(address);
    b.putShort(session.port().shortValue());
    session.authKey().copyTo(b.array(), b.position());
    String text = "1" + Base64Text.standard(b.array());
    Arrays.fill(b.array(), (byte) 0);
    return text;
  }

  /** The decoded bytes, checked for the prefix, the length field and the address text. */
  static byte[] decodeRaw(String s) {
    byte[] raw = SessionChecks.decodeVersionOne(s, FORMAT);
    if (raw.length < 3) {
      throw SessionChecks.invalid(FORMAT, "decodes to " + raw.length
          + " bytes; expected 261 + the address length");
    }
    int length = ((raw[1] & 0xff) << 8) | (raw[2] & 0xff);
    if (raw.length != 261 + length) {
      throw SessionChecks.invalid(FORMAT, "the address length field says " + length
          + ", so 261 + " + length + " = " + (261 + length) + " bytes are expected; found "
          + raw.length);
    }
    if (!isAddressText(raw, length)) {
      throw SessionChecks.invalid(FORMAT, "the " + length
          + " address bytes are not an IP address or host name in printable ASCII");
    }
    return raw;
  }

  private static boolean isAddressText(byte[] raw, int length) {
    for (int i = 3; i < 3 + length; i++) {
      if (raw[i] < 0x21 || raw[i] > 0x7e) {
        return false;
      }
    }
    String address = new String(raw, 3, length, StandardCharsets.US_ASCII);
    return IpText.isIp(address) || IpText.isHostname(address);
  }
}
