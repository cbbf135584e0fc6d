package dev.jgram;

/**
 * Telegram refused the phone number itself: {@code PHONE_NUMBER_INVALID},
 * {@code PHONE_NUMBER_BANNED}, {@code PHONE_NUMBER_FLOOD}, {@code PHONE_NUMBER_UNOCCUPIED} or
 * another {@code PHONE_NUMBER_*} answer ({@link #error()}). Another code will not help.
 */
public final class PhoneNumberException extends LoginException {
  private static final long serialVersionUID = 1L;

  /**
   * The phone number was refused.
   *
   * @param message what failed
   * @param error Telegram's error text
   * @param cause the error answer
   */
  public PhoneNumberException(String message, String error, Throwable cause) {
    super(message, error, cause);
  }
}
