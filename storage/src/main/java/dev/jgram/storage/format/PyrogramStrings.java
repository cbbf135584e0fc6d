package dev.jgram.storage.format;

import dev.jgram.storage.InvalidSessionStringException;
import dev.jgram.storage.PyrogramSessionString;
import dev.jgram.storage.Session;

/**
 * Pyrogram strings under detection's rules: base64 is checked by the reader every format
 * shares, {@link PyrogramSessionString} decodes (choosing the layout by the string's length as
 * Pyrogram does, padding counted), and the key and DC are validated like every other format's.
 */
final class PyrogramStrings {
  private static final SessionFormat FORMAT = SessionFormat.PYROGRAM_STRING;

  private PyrogramStrings() {}

  /** Decodes a stripped, non-empty string. */
  static PortableSession decode(String s) {
    try {
      Base64Text.decode(s);
    } catch (IllegalArgumentException e) {
      throw SessionChecks.invalid(FORMAT, e.getMessage());
    }
    Session session;
    try {
      session = PyrogramSessionString.decode(s);
    } catch (InvalidSessionStringException e) {
      throw SessionChecks.invalid(FORMAT, e.getMessage());
    }
    byte[] key = session.authKey().bytes();
    String problem = SessionChecks.problem(session.dcId(), session.testMode(), key);
    java.util.Arrays.fill(key, (byte) 0);
    if (problem != null) {
      throw SessionChecks.invalid(FORMAT, problem);
    }
    return PortableSession.of(session);
  }
}
