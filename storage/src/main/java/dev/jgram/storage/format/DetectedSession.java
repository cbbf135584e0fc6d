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
    var s = session.session();
    if (s.apiId() == null) {
      out.add(SessionField.API_ID.fieldName());
    }
    if (s.userId() == null) {
      out.add(SessionField.USER_ID.fieldName());
    }
    if (s.isBot() == null) {
      out.add(SessionField.IS_BOT.fieldName());
    }
    if (s.testMode() == null) {
      out.add(SessionField.TEST_MODE.fieldName());
    }
    if (session.serverAddress() == null) {
      out.add("server_address");
    }
    return out;
  }
}
