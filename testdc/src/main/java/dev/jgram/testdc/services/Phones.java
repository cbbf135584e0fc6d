package dev.jgram.testdc.services;

import java.util.Optional;

/**
 * Phone numbers compared as digits: an optional leading {@code +}, and the spaces, dashes and
 * brackets people write, are dropped; what remains must be 5 to 15 digits (E.164 allows 15).
 */
final class Phones {
  static final int MIN_DIGITS = 5;
  static final int MAX_DIGITS = 15;

  private Phones() {}

  /** The digits of {@code phone}, or empty when it is not a phone number. */
  static Optional<String> digits(String phone) {
    if (phone == null) {
      return Optional.empty();
    }
    String trimmed = phone.strip();
    if (trimmed.startsWith("+")) {
      trimmed = trimmed.substring(1);
    }
    StringBuilder digits = new StringBuilder();
    for (int i = 0; i < trimmed.length(); i++) {
      char c = trimmed.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      } else if (" -()".indexOf(c) < 0) {
        return Optional.empty();
      }
    }
    return digits.length() < MIN_DIGITS || digits.length() > MAX_DIGITS ? Optional.empty()
        : Optional.of(digits.toString());
  }
}
