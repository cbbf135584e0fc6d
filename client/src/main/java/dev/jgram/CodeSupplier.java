package dev.jgram;

/**
 * Gives {@link Client#loginUser} the login code Telegram sent, each time one is needed: first
 * after {@code auth.sendCode}, again after a code was refused ({@code PHONE_CODE_INVALID}) or
 * expired ({@code PHONE_CODE_EXPIRED}, a new one was sent), up to
 * {@link Client#MAX_CODE_TRIES} times. A person types it; a script reads it from wherever its
 * codes arrive.
 */
@FunctionalInterface
public interface CodeSupplier {

  /**
   * The code for this request, or null when there is none to give (the login then ends with
   * {@link LoginCodeException}).
   */
  String code(Request request);

  /**
   * What is asked.
   *
   * @param phone the phone number, digits only (no {@code +})
   * @param attempt 1 for the first code, 2 after the first was refused, ...
   * @param maxAttempts how many codes are asked for at most
   * @param codeType how Telegram sent it ({@code auth.sentCodeTypeApp}, {@code ...Sms}, ...)
   * @param length the code's length as Telegram announced it, 0 when unknown
   * @param previousError why the previous code was not accepted ({@code PHONE_CODE_INVALID},
   *     {@code PHONE_CODE_EXPIRED}), or null for the first request
   */
  record Request(String phone, int attempt, int maxAttempts, String codeType, int length,
      String previousError) {}
}
