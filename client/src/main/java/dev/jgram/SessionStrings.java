package dev.jgram;

import dev.jgram.storage.InvalidSessionStringException;
import dev.jgram.storage.PyrogramSessionString;
import dev.jgram.storage.Session;
import dev.jgram.storage.Storage;
import dev.jgram.storage.StorageException;
import dev.jgram.storage.format.DetectedSession;
import dev.jgram.storage.format.PortableSession;
import dev.jgram.storage.format.SessionFormat;
import dev.jgram.storage.format.SessionFormats;
import java.util.ArrayList;
import java.util.List;

/**
 * The session strings a client accepts as its name or {@code sessionString(...)}: every
 * string format jgram reads (Pyrogram current and legacy, Telethon, GramJS, mtcute, gotd
 * JSON), decoded by {@link SessionFormats} and loaded into an opened memory storage.
 */
final class SessionStrings {
  private SessionStrings() {}

  /**
   * Whether a client name is gotd session JSON: it starts with <code>{</code> and decodes as
   * one. Any other name starting with <code>{</code> stays a file name.
   */
  static boolean isGotdJson(String name) {
    String s = name.strip();
    if (!s.startsWith("{")) {
      return false;
    }
    try {
      SessionFormats.decode(SessionFormat.GOTD_JSON, s);
      return true;
    } catch (StorageException notGotd) {
      return false;
    }
  }

  /**
   * Detects and decodes a session string of any supported format. A string detection refuses
   * but Pyrogram's own decoder reads (a key of zeros, a DC outside Telegram's table) is read as
   * Pyrogram reads it, as before; a string Pyrogram's decoder refuses (a legacy string that
   * kept its padding, which has the length of a Telethon string without its '1') stays refused.
   *
   * @throws InvalidSessionStringException listing every format tried and why it failed; the
   *     string is never quoted
   */
  static DetectedSession detect(String text) {
    try {
      return SessionFormats.detect(text);
    } catch (InvalidSessionStringException detection) {
      String s = text.strip();
      if (s.startsWith("1") || s.startsWith("{")) {
        throw detection;
      }
      try {
        Session session = PyrogramSessionString.decode(text);
        return new DetectedSession(SessionFormat.PYROGRAM_STRING, PortableSession.of(session));
      } catch (InvalidSessionStringException pyrogram) {
        throw detection;
      }
    }
  }

  /**
   * Loads a decoded session into an opened storage: the session fields (those the format
   * lacks stay null), then the peers, update state and channel pts where the format has them.
   */
  static void load(PortableSession session, Storage opened) {
    opened.session(session.session().withDate(0));
    if (!session.peers().isEmpty()) {
      opened.restorePeers(session.peers());
    }
    if (session.updateState() != null) {
      opened.updateState(session.updateState());
    }
    session.channelPts().forEach(opened::channelPts);
  }

  /**
   * Refuses to export a session loaded from a format that did not carry the api_id or user
   * id, naming every missing field and how to supply it (a Pyrogram string would need them).
   *
   * @throws StorageException if {@code source} is another library's format and a field is
   *     missing
   */
  static void requireExportable(Session session, SessionFormat source) {
    if (source == null || source == SessionFormat.PYROGRAM_STRING) {
      return;
    }
    List<String> missing = new ArrayList<>();
    List<String> remedies = new ArrayList<>();
    if (session.apiId() == null) {
      missing.add("api_id");
      remedies.add("set api_id with Client.builder(...).apiId(...)");
    }
    if (session.userId() == null) {
      missing.add("user_id");
      remedies.add("user_id is known only after signing in, or from a format that carries "
          + "it (pyrogram-string, mtcute-string of a signed-in session)");
    }
    if (!missing.isEmpty()) {
      boolean one = missing.size() == 1;
      throw new StorageException("cannot export a session string: "
          + String.join(" and ", missing) + (one ? " is" : " are") + " unknown: the "
          + source.cliName() + " this client was loaded from does not carry "
          + (one ? "it" : "them") + "; " + String.join("; ", remedies));
    }
  }
}
