package dev.jgram.testdc.services;

import dev.jgram.mtproto.srp.SrpVerifier;

/**
 * One account of the cluster, bot or user.
 *
 * @param id the user id
 * @param bot whether it is a bot
 * @param phone the phone number as digits, or null (bots)
 * @param firstName the first name
 * @param lastName the last name, or null
 * @param username the username, or null
 * @param homeDc the DC the account lives on
 * @param botSecret the part of a bot token after the colon, or null (users)
 * @param password the 2FA password's SRP verifier (never the password), or null
 */
record Account(long id, boolean bot, String phone, String firstName, String lastName,
    String username, int homeDc, String botSecret, SrpVerifier password) {

  Account withHomeDc(int dc) {
    return new Account(id, bot, phone, firstName, lastName, username, dc, botSecret, password);
  }

  @Override
  public String toString() {
    return "Account[id=" + id + ", bot=" + bot + ", username=" + username + ", homeDc=" + homeDc
        + "]";
  }
}
