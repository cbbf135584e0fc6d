package dev.jgram.testdc.services;

/**
 * An auth key bound to an account.
 *
 * @param userId the account
 * @param dcId the DC whose key it is
 * @param imported whether it came from {@code auth.importAuthorization} (then calls on a DC
 *     other than the account's home are allowed)
 * @param date when it was bound, in Unix seconds
 */
record Authorization(long userId, int dcId, boolean imported, int date) {}
