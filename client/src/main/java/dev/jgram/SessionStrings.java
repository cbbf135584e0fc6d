package dev.jgram;

import dev.jgram.storage.Session;
import dev.jgram.storage.Storage;
import dev.jgram.storage.StorageException;
import dev.jgram.storage.format.PortableSession;
import dev.jgram.storage.format.SessionFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * A session string a client was given (decoded by {@link dev.jgram.storage.format.SessionName})
 * loaded into an opened memory storage, and the check before such a session is exported.
 */
final class SessionStrings {
  private SessionStrings() {}

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
