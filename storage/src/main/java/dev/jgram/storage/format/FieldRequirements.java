package dev.jgram.storage.format;

import dev.jgram.storage.Session;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Which fields each format needs, given what a session already has or implies. */
final class FieldRequirements {
  private FieldRequirements() {}

  static List<SessionField> missing(PortableSession session, SessionFormat format) {
    List<SessionField> missing = SessionChecks.missing(session, required(session, format));
    if (missing.contains(SessionField.TEST_MODE) && impliedTestMode(session) != null) {
      missing.remove(SessionField.TEST_MODE);
    }
    return List.copyOf(missing);
  }

  /** The fields {@code format} needs for this session (some only without an address). */
  private static List<SessionField> required(PortableSession session, SessionFormat format) {
    Set<SessionField> need = EnumSet.of(SessionField.DC_ID, SessionField.AUTH_KEY);
    Session x = session.session();
    switch (format) {
      case PYROGRAM_STRING, PYROGRAM_FILE -> need.addAll(EnumSet.of(SessionField.API_ID,
          SessionField.USER_ID, SessionField.IS_BOT, SessionField.TEST_MODE));
      case MTCUTE_STRING -> {
        need.add(SessionField.TEST_MODE);
        if (x.userId() != null) {
          need.add(SessionField.IS_BOT);
        }
      }
      case TELETHON_STRING, TELETHON_FILE -> {
        if (!IpText.isIp(session.serverAddress())) {
          need.add(SessionField.TEST_MODE);
        }
      }
      case GRAMJS_STRING, GRAMJS_STORE -> {
        if (session.serverAddress() == null || session.serverAddress().isEmpty()) {
          need.add(SessionField.TEST_MODE);
        }
      }
      case GOTD_JSON -> {
        // DC and key suffice: gotd fills an empty address from its own DC list
      }
    }
    return List.copyOf(need);
  }

  /** The test flag the session states, or else the one its DC and address imply, or null. */
  static Boolean impliedTestMode(PortableSession session) {
    Boolean test = session.session().testMode();
    if (test == null && session.dcId() != null) {
      test = DcAddresses.testModeOf(session.dcId(), session.serverAddress()).orElse(null);
    }
    return test;
  }
}
