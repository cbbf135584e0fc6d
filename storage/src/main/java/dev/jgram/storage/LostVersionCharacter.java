package dev.jgram.storage;

/**
 * Recognises decoded bytes that are a Telethon or GramJS session, for strings that lost their
 * leading version character {@code '1'} in copying and so look like Pyrogram strings.
 *
 * <p>A Telethon IPv4 string is {@code '1'} + 352 characters (263 bytes: DC, 4-byte IP, port,
 * key). Without the {@code '1'} it has the character count of Pyrogram's legacy layout with its
 * {@code =} kept, and without the {@code =} too exactly Pyrogram's legacy 351 characters: the
 * same 263 bytes, read as DC, test flag, key, user id and bot flag, would give a key the string
 * does not hold. Pyrogram writes its test and bot flags as 0 or 1, so bytes 1..6 holding a
 * Telegram address and port instead are Telethon's. A GramJS string (DC, 16-bit address length
 * L, L characters of address, port, key: 261 + L bytes) with a 10-character address has the
 * 271 bytes of Pyrogram's current layout, whose test flag then falls on an address character.
 */
final class LostVersionCharacter {
  /**
   * The shortest address GramJS writes ("1.2.3.4"); shorter "addresses" occur by chance in
   * Pyrogram's legacy layouts, where bytes 1..2 are the test flag and the key's first byte.
   */
  private static final int MIN_ADDRESS = 7;

  private LostVersionCharacter() {}

  /**
   * What {@code raw} is when it is another library's session rather than Pyrogram's: a phrase
   * such as "a Telethon IPv4 session (address 149.154.167.51, port 443)", or null.
   */
  static String foreignSession(byte[] raw) {
    if (raw.length == 263 && isTelegramIpv4(raw[1] & 0xff, raw[2] & 0xff)) {
      int port = ((raw[5] & 0xff) << 8) | (raw[6] & 0xff);
      if (port == 443 || port == 80) {
        return "a Telethon IPv4 session (address " + (raw[1] & 0xff) + "." + (raw[2] & 0xff)
            + "." + (raw[3] & 0xff) + "." + (raw[4] & 0xff) + ", port " + port + ")";
      }
    }
    if (raw.length == 275) {
      int prefix = ((raw[1] & 0xff) << 8) | (raw[2] & 0xff);
      if (prefix == 0x2001 || prefix == 0x2a0a) {
        return "a Telethon IPv6 session (a Telegram address " + Integer.toHexString(prefix)
            + ":… where Pyrogram has its api_id)";
      }
    }
    int length = raw.length < 3 ? -1 : ((raw[1] & 0xff) << 8) | (raw[2] & 0xff);
    if (length >= MIN_ADDRESS && raw.length == 261 + length && isAddressText(raw, 3, length)) {
      return "a GramJS session (a " + length + "-character address text after the DC id)";
    }
    return null;
  }

  /**
   * The sentence a decoding error ends with when {@code raw} is another library's session, or
   * the empty string.
   */
  static String hint(byte[] raw) {
    String foreign = foreignSession(raw);
    if (foreign == null) {
      return "";
    }
    return "; its bytes are " + foreign + ": a string that lost its leading version character"
        + " '1' in copying; restore the '1' and read it as that library's string";
  }

  /** Telegram's IPv4 networks: 149.154.160.0/20, 91.108.0.0/16, 91.105.192.0/23. */
  private static boolean isTelegramIpv4(int a, int b) {
    return (a == 149 && b == 154) || (a == 91 && (b == 108 || b == 105));
  }

  private static boolean isAddressText(byte[] raw, int from, int length) {
    for (int i = from; i < from + length; i++) {
      int c = raw[i] & 0xff;
      boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
          || c == '.' || c == ':' || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
