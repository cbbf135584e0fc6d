package dev.jgram.testdc.services;

import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.testdc.api.CallContext;

/**
 * One query as a handler sees it.
 *
 * @param context who sent it
 * @param query the function call
 * @param account the logged-in account of the key, or null before login
 */
record Call(CallContext context, TlObject query, Account account) {

  /** The logged-in user's id; only for handlers that need a login. */
  long userId() {
    return account.id();
  }

  int dcId() {
    return context.dcId();
  }

  long authKeyId() {
    return context.effectiveAuthKeyId();
  }
}
