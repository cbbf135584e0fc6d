package dev.jgram.storage.format;

import java.util.Base64;

/**
 * The lenient base64 decoder every session-string reader shares: both alphabets
 * ({@code +/} and {@code -_}), padding optional (at most two {@code =} at the end). Problems
 * are reported as {@link IllegalArgumentException}s whose messages give positions and counts,
 * never the text.
 */
final class Base64Text {
  private Base64Text() {}

  /**
   * Decodes {@code text}.
   *
   * @throws IllegalArgumentException for a character outside both alphabets, a {@code =}
   *     before the end, more than two {@code =}, or a length no byte count encodes to
   */
  static byte[] decode(String text) {
    int end = text.length();
    int padding = 0;
    while (end > 0 && text.charAt(end - 1) == '=') {
      end--;
      padding++;
    }
    if (padding > 2) {
      throw new IllegalArgumentException(
          "mis-padded base64: ends in " + padding + " '=' characters; expected at most 2");
    }
    char[] chars = new char[end];
    for (int i = 0; i < end; i++) {
      chars[i] = urlSafe(text.charAt(i), i);
    }
    if (end % 4 == 1) {
      throw new IllegalArgumentException(
          "base64 part has " + end + " data characters, one more than a multiple of 4, which "
              + "no byte count encodes to (truncated, or a stray character)");
    }
    return Base64.getUrlDecoder().decode(new String(chars));
  }

  /** Standard alphabet with padding (GramJS, gotd). */
  static String standard(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** URL-safe alphabet with padding (Telethon). */
  static String urlSafePadded(byte[] bytes) {
    return Base64.getUrlEncoder().encodeToString(bytes);
  }

  /** URL-safe alphabet without padding (Pyrogram, mtcute). */
  static String urlSafeUnpadded(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static char urlSafe(char c, int position) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
        || c == '-' || c == '_') {
      return c;
    }
    if (c == '+') {
      return '-';
    }
    if (c == '/') {
      return '_';
    }
    if (c == '=') {
      throw new IllegalArgumentException(
          "mis-padded base64: '=' at position " + position + " before the end");
    }
    throw new IllegalArgumentException(
        "character outside base64 at position " + position + " (code " + (int) c + ")");
  }
}
