package dev.jgram.testdc.services;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A bot account to add: its token as BotFather gives it ({@code <bot id>:<secret>}), its home DC
 * and its username. {@link #toString()} hides the secret.
 *
 * @param botId the bot's user id, the number before the colon
 * @param secret the part after the colon
 * @param homeDc the home DC, or 0 for the cluster's first DC
 * @param username the username (ending in "bot"), or null for {@code bot<id>_bot}
 */
public record BotSpec(long botId, String secret, int homeDc, String username) {
  private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]+");

  /** Checks the values; see {@link #parse(String)} for the rules. */
  public BotSpec {
    if (botId <= 0) {
      throw new AccountSpecException("bot id must be positive, got " + botId);
    }
    if (secret == null || !SECRET.matcher(secret).matches()) {
      throw new AccountSpecException("bot token secret (after ':') must be letters, digits, "
          + "'_' or '-', and not empty");
    }
    if (homeDc < 0) {
      throw new AccountSpecException("bot home DC must be positive, got " + homeDc);
    }
    if (username != null && !Usernames.validBot(username)) {
      throw new AccountSpecException("bot username '" + username + "' is invalid: expected 5 to "
          + "32 letters, digits or '_', starting with a letter and ending in 'bot'");
    }
  }

  /** A bot from its token, on the default DC, with the default username. */
  public static BotSpec ofToken(String token) {
    return tryParseToken(token).orElseThrow(() -> new AccountSpecException(
        "malformed bot token: expected <bot id>:<secret> as BotFather gives it, e.g. "
            + "123456:AAH4x-example_secret"));
  }

  /**
   * Parses the command line's {@code TOKEN[@DC][=USERNAME]}, e.g.
   * {@code 123456:AAHsecret@2=my_test_bot}.
   *
   * @throws AccountSpecException naming what is malformed
   */
  public static BotSpec parse(String spec) {
    SpecParts parts = SpecParts.split(spec, '=', "bot");
    BotSpec token = ofToken(parts.head());
    return new BotSpec(token.botId, token.secret, parts.dc(), parts.tail());
  }

  /** The token's id and secret, or empty when it is not {@code <digits>:<secret>}. */
  static Optional<BotSpec> tryParseToken(String token) {
    if (token == null) {
      return Optional.empty();
    }
    int colon = token.indexOf(':');
    if (colon <= 0 || colon > 19 || !token.substring(0, colon).chars().allMatch(Character::isDigit)
        || !SECRET.matcher(token.substring(colon + 1)).matches()) {
      return Optional.empty();
    }
    long id;
    try {
      id = Long.parseLong(token.substring(0, colon));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    return id <= 0 ? Optional.empty()
        : Optional.of(new BotSpec(id, token.substring(colon + 1), 0, null));
  }

  /** The token, {@code <bot id>:<secret>}. */
  public String token() {
    return botId + ":" + secret;
  }

  /** This bot on another home DC. */
  public BotSpec withHomeDc(int dc) {
    return new BotSpec(botId, secret, dc, username);
  }

  /** This bot with a username. */
  public BotSpec withUsername(String name) {
    return new BotSpec(botId, secret, homeDc, name);
  }

  /** The username it gets: the given one, else {@code bot<id>_bot}. */
  public String effectiveUsername() {
    return username != null ? username : "bot" + botId + "_bot";
  }

  /** The first name it gets: {@code Test bot <id>}. */
  public String firstName() {
    return "Test bot " + botId;
  }

  @Override
  public String toString() {
    return "BotSpec[botId=" + botId + ", secret=<hidden>, homeDc=" + homeDc + ", username="
        + username + "]";
  }
}
