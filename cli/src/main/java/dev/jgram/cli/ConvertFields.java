package dev.jgram.cli;

import dev.jgram.storage.Session;
import dev.jgram.storage.format.PortableSession;
import java.util.Objects;

/**
 * Supplies the fields a conversion's input did not carry ({@code --api-id}, {@code --user-id},
 * {@code --bot}, {@code --test}). A flag fills an unknown field; a flag that contradicts what
 * the input carries is refused rather than silently preferred.
 */
final class ConvertFields {
  private ConvertFields() {}

  /**
   * The session with the given flags applied (null means not given).
   *
   * @throws CliException naming the field when a flag contradicts the input
   */
  static PortableSession apply(PortableSession p, Long apiId, Long userId, Boolean bot,
      Boolean test) {
    Session s = p.session();
    s = s.withApiId(pick("api_id", "--api-id", s.apiId(), apiId));
    s = s.withUserId(pick("user_id", "--user-id", s.userId(), userId));
    s = s.withIsBot(pick("is_bot", "--bot", s.isBot(), bot));
    s = s.withTestMode(pick("test_mode", "--test", s.testMode(), test));
    return p.withSession(s);
  }

  private static <T> T pick(String field, String flag, T carried, T given) {
    if (given == null) {
      return carried;
    }
    if (carried != null && !Objects.equals(carried, given)) {
      throw new CliException(flag + " " + given + " contradicts the input, whose " + field
          + " is " + carried + "; leave " + flag + " out");
    }
    return given;
  }
}
