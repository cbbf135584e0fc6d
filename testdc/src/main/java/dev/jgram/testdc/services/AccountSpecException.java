package dev.jgram.testdc.services;

/**
 * A bot or user spec (from the command line or the Java API) is malformed, or names an account
 * the cluster cannot hold (an unknown DC, an id or phone or username already taken). The message
 * says what was wrong and what was expected; it never contains a token's secret or a password.
 */
public final class AccountSpecException extends IllegalArgumentException {

  AccountSpecException(String message) {
    super(message);
  }
}
