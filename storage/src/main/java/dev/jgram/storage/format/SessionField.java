package dev.jgram.storage.format;

import dev.jgram.storage.Session;
import java.util.Optional;

/**
 * A session field that some formats carry and others do not, with the command-line flag
 * that supplies it when converting to a format that needs it.
 */
public enum SessionField {
  /** The home data centre id. */
  DC_ID("dc_id", null),
  /** The auth key (absent before login). */
  AUTH_KEY("auth_key", null),
  /** The application's api_id: only Pyrogram's formats carry it. */
  API_ID("api_id", "--api-id"),
  /** The logged-in user's id: Telethon strings, GramJS and gotd carry none. */
  USER_ID("user_id", "--user-id"),
  /** Whether the account is a bot. */
  IS_BOT("is_bot", "--bot"),
  /** Whether the session lives on Telegram's test servers. */
  TEST_MODE("test_mode", "--test");

  private final String fieldName;
  private final String flag;

  SessionField(String fieldName, String flag) {
    this.fieldName = fieldName;
    this.flag = flag;
  }

  /** The field's name as Pyrogram's {@code sessions} table spells it. */
  public String fieldName() {
    return fieldName;
  }

  /** The command-line flag that supplies the field, if one can. */
  public Optional<String> flag() {
    return Optional.ofNullable(flag);
  }

  /** The field's value in {@code s}, or null when unknown. */
  Object valueIn(Session s) {
    return switch (this) {
      case DC_ID -> s.dcId();
      case AUTH_KEY -> s.authKey();
      case API_ID -> s.apiId();
      case USER_ID -> s.userId();
      case IS_BOT -> s.isBot();
      case TEST_MODE -> s.testMode();
    };
  }

  /** The field name with how to supply it, for messages: {@code "api_id (--api-id)"}. */
  String describe() {
    return flag == null
        ? fieldName + " (no flag supplies it: the source session has none; log in again)"
        : fieldName + " (" + flag + ")";
  }
}
