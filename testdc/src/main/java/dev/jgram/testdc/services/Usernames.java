package dev.jgram.testdc.services;

import java.util.regex.Pattern;

/** Telegram's username rule: 5 to 32 characters, a letter first, then letters, digits, '_'. */
final class Usernames {
  private static final Pattern VALID = Pattern.compile("[A-Za-z][A-Za-z0-9_]{4,31}");
  /** What a lookup accepts: the rule above, loosened to 1 to 32 word characters. */
  private static final Pattern LOOKUP = Pattern.compile("[A-Za-z0-9_]{1,32}");

  private Usernames() {}

  static boolean valid(String username) {
    return username != null && VALID.matcher(username).matches();
  }

  static boolean validBot(String username) {
    return valid(username) && username.toLowerCase(java.util.Locale.ROOT).endsWith("bot");
  }

  static boolean lookupable(String username) {
    return username != null && LOOKUP.matcher(username).matches();
  }
}
