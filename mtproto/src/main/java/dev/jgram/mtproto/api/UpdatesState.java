package dev.jgram.mtproto.api;

import dev.jgram.mtproto.tl.TlObject;

/**
 * {@code updates.state}, the answer to updates.getState.
 *
 * @param pts the common message box sequence
 * @param qts the secret chat sequence
 * @param date the server date, unix seconds
 * @param seq the updates sequence
 * @param unreadCount unread dialogs
 */
public record UpdatesState(int pts, int qts, int date, int seq, int unreadCount) {

  /** Reads a decoded {@code updates.state}. */
  public static UpdatesState from(TlObject object) {
    Views.require(object, "updates.state");
    return new UpdatesState(object.intValue("pts"), object.intValue("qts"),
        object.intValue("date"), object.intValue("seq"), object.intValue("unread_count"));
  }
}
