package dev.jgram.testdc.api;

/**
 * An auth key became bound to an account: a bot or user login, a sign-up, a 2FA check or an
 * imported authorisation. The services report it; the core writes it to the event log as
 * {@code {"ev":"login",...}}.
 *
 * @param dcId the DC that accepted the login
 * @param authKeyId the auth key now bound (the permanent key when a temporary one was used)
 * @param userId the account's user id
 * @param bot whether the account is a bot
 */
public record LoginEvent(int dcId, long authKeyId, long userId, boolean bot) {}
