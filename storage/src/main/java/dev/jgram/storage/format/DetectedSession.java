package dev.jgram.storage.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@link SessionFormats#detect(String)} found: the format and the decoded, validated
 * session.
 *
 * @param format the detected format
 * @param session the decoded session (key 256 bytes and not all zeros, DC id known)
 */
public record DetectedSession(SessionFormat format, PortableSession session) {

  /** Requires both parts. */
  public DetectedSession {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(session, "session");
  }

  /**
   * The fields this source did not carry, by their Pyrogram names ({@code api_id},
   * {@code user_id}, {@code is_bot}, {@code test_mode}) plus {@code server_address} when the
   * format has no address: what a conversion may have to ask for.
   */
  public List<String> notCarried() {
    List<String> out = new ArrayList<>();
    for (SessionField f : List.of(SessionField.API_ID, SessionField.USER_ID, SessionField.IS_BOT,
        SessionField.TEST_MODE)) {
      if (f.valueIn(session.session()) == null) {
        out.add(f.fieldName());
      }
    }
    if (session.serverAddress() == null) {
      out.add("server_address");
    }
    return out;
  }
}
