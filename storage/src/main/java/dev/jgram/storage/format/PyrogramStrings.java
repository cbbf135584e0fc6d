package dev.jgram.storage.format;

import dev.jgram.storage.InvalidSessionStringException;
import dev.jgram.storage.PyrogramSessionString;
import dev.jgram.storage.Session;

/**
 * Pyrogram strings under detection's rules: {@link PyrogramSessionString} decodes, but the
 * legacy layouts count only from Pyrogram's own 351/356-character strings, and the key and
 * DC are validated like every other format's.
 */
final class PyrogramStrings {
  private static final SessionFormat FORMAT = SessionFormat.PYROGRAM_STRING;

  private PyrogramStrings() {}

  static PortableSession decode(String text) {
    String s = text == null ? "" : SessionChecks.strip(text);
    if (s.isEmpty()) {
      throw SessionChecks.invalid(FORMAT, "the string is empty");
    }
    int bytes;
    try {
      bytes = Base64Text.decode(s).length;
    } catch (IllegalArgumentException e) {
      throw SessionChecks.invalid(FORMAT, e.getMessage());
    }
    int chars = s.replaceAll("=+$", "").length();
    boolean legacy = (bytes == PyrogramSessionString.LEGACY32_BYTES && chars == 351)
        || (bytes == PyrogramSessionString.LEGACY64_BYTES && chars == 356);
    if (bytes != PyrogramSessionString.CURRENT_BYTES && !legacy) {
      throw SessionChecks.invalid(FORMAT, s.length() + " characters decode to " + bytes
          + " bytes; expected 271 (362 characters, Pyrogram 2.x) or 263/267 bytes from 351/356"
          + " characters (Pyrogram 0.15-1.4)");
    }
    Session session;
    try {
      session = PyrogramSessionString.decode(s);
    } catch (InvalidSessionStringException e) {
      throw SessionChecks.invalid(FORMAT, e.getMessage());
    }
    byte[] key = session.authKey().bytes();
    SessionChecks.requireUsable(FORMAT, session.dcId(), session.testMode(), key);
    java.util.Arrays.fill(key, (byte) 0);
    return PortableSession.of(session);
  }
}
