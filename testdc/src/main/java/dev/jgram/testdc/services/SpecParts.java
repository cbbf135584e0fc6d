package dev.jgram.testdc.services;

/** Pieces shared by the account spec parsers. */
final class SpecParts {
  private SpecParts() {}

  /** A DC number after '@'. */
  static int dc(String text, String what) {
    if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch(Character::isDigit)
        || Integer.parseInt(text) == 0) {
      throw new AccountSpecException(what + " DC '" + text + "' is invalid: expected a positive "
          + "DC number after '@', e.g. @2");
    }
    return Integer.parseInt(text);
  }
}
