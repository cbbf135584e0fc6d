package dev.jgram.testdc.services;

/**
 * A command line's account spec {@code HEAD[@DC][<separator>TAIL]} split into its parts, as the
 * bot and user spec parsers read it.
 *
 * @param head what stands before '@' and the separator (a token or a phone number)
 * @param dc the DC after '@', 0 when none is given
 * @param tail what follows the first separator, null when there is none
 */
record SpecParts(String head, int dc, String tail) {

  /**
   * Splits {@code spec} at the first {@code separator}, then the rest at '@'.
   *
   * @throws AccountSpecException when the DC after '@' is not a positive number
   */
  static SpecParts split(String spec, char separator, String what) {
    String rest = spec == null ? "" : spec.strip();
    String tail = null;
    int cut = rest.indexOf(separator);
    if (cut >= 0) {
      tail = rest.substring(cut + 1);
      rest = rest.substring(0, cut);
    }
    int dc = 0;
    int at = rest.indexOf('@');
    if (at >= 0) {
      dc = dc(rest.substring(at + 1), what);
      rest = rest.substring(0, at);
    }
    return new SpecParts(rest, dc, tail);
  }

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
