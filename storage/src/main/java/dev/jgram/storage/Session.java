package dev.jgram.storage;

/**
 * The fields that let a client reconnect without authorising again: one row of Pyrogram's
 * {@code sessions} table.
 *
 * <p>Every field but {@code date} may be unknown ({@code null}) before login, after importing
 * a format that does not carry it (Telethon strings have no user id), or after migrating an
 * old file (Pyrogram schema 2 has no api_id). {@code toString()} never shows the key bytes.
 *
 * @param dcId the home data centre, 1..5 in production (Pyrogram starts new sessions on 2)
 * @param apiId the application's api_id: an unsigned 32-bit number (0 to 4294967295) in
 *     Pyrogram's files and strings, so a {@code Long}; {@link #MAX_API_ID} is the largest
 * @param testMode whether the session lives on Telegram's test servers
 * @param authKey the permanent auth key of the home data centre
 * @param date unix seconds of the last save; 0 for new or imported sessions
 * @param userId the logged-in user or bot
 * @param isBot whether the account is a bot
 */
public record Session(
    Integer dcId,
    Long apiId,
    Boolean testMode,
    AuthKey authKey,
    long date,
    Long userId,
    Boolean isBot) {

  /** The largest api_id Pyrogram's formats hold: their field is an unsigned 32-bit integer. */
  public static final long MAX_API_ID = 0xFFFF_FFFFL;

  /** Pyrogram's initial row: data centre 2, date 0, everything else unknown. */
  public static final Session EMPTY = new Session(2, null, null, null, 0, null, null);

  /**
   * Checks the api_id's range.
   *
   * @throws IllegalArgumentException if {@code apiId} is negative or above {@link #MAX_API_ID}
   */
  public Session {
    if (apiId != null && (apiId < 0 || apiId > MAX_API_ID)) {
      throw new IllegalArgumentException("api_id " + apiId + " is out of range; expected 0 to "
          + MAX_API_ID + " (an unsigned 32-bit number, as Pyrogram stores it)");
    }
  }

  /** Returns a copy with {@code dcId} replaced. */
  public Session withDcId(Integer dcId) {
    return new Session(dcId, apiId, testMode, authKey, date, userId, isBot);
  }

  /** Returns a copy with {@code apiId} replaced. */
  public Session withApiId(Long apiId) {
    return new Session(dcId, apiId, testMode, authKey, date, userId, isBot);
  }

  /** Returns a copy with {@code testMode} replaced. */
  public Session withTestMode(Boolean testMode) {
    return new Session(dcId, apiId, testMode, authKey, date, userId, isBot);
  }

  /** Returns a copy with {@code authKey} replaced. */
  public Session withAuthKey(AuthKey authKey) {
    return new Session(dcId, apiId, testMode, authKey, date, userId, isBot);
  }

  /** Returns a copy with {@code date} replaced. */
  public Session withDate(long date) {
    return new Session(dcId, apiId, testMode, authKey, date, userId, isBot);
  }

  /** Returns a copy with {@code userId} replaced. */
  public Session withUserId(Long userId) {
    return new Session(dcId, apiId, testMode, authKey, date, userId, isBot);
  }

  /** Returns a copy with {@code isBot} replaced. */
  public Session withIsBot(Boolean isBot) {
    return new Session(dcId, apiId, testMode, authKey, date, userId, isBot);
  }

  /**
   * Whether a client must log in afresh: Pyrogram's rule is that the session is empty when
   * any of test_mode, auth_key, user_id or is_bot is unknown.
   */
  public boolean isEmpty() {
    return testMode == null || authKey == null || userId == null || isBot == null;
  }

  /** Whether a user or bot is logged in (a non-zero user id is known). */
  public boolean isAuthorized() {
    return userId != null && userId != 0;
  }
}
