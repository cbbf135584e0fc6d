package dev.jgram.updates;

import dev.jgram.mtproto.tl.TlObject;
import java.util.List;

/**
 * Every {@code Updates} shape brought to one form, {@code updatesCombined}'s: the updates (short
 * ones already expanded), the date and the seq range. {@code updates} has {@code seq_start =
 * seq}; the short shapes have no seq (0).
 *
 * @param updates the updates, in the order received
 * @param date the container's date, 0 if none
 * @param seqStart the first seq the container takes, 0 if it takes none
 * @param seq the last seq the container takes, 0 if it takes none
 * @param tooLong whether this was {@code updatesTooLong}
 * @param peers the peers a short message names without carrying them (its sender, its chat), by
 *     Pyrogram peer id (a user's id, minus a basic group's id): the client must have them cached
 *     to deliver it; empty for every other shape
 */
record Container(List<TlObject> updates, int date, int seqStart, int seq, boolean tooLong,
    long[] peers) {
  private static final long[] NONE = new long[0];

  Container {
    updates = List.copyOf(updates);
  }

  static Container of(List<TlObject> updates, int date, int seqStart, int seq) {
    return new Container(updates, date, seqStart, seq, false, NONE);
  }

  /** A short message's container: one update, no seq, the named peers to look up. */
  static Container shortMessage(TlObject update, int date, long... peers) {
    return new Container(List.of(update), date, 0, 0, false, peers);
  }

  static Container tooLongMarker() {
    return new Container(List.of(), 0, 0, 0, true, NONE);
  }

  /** This container with no peers to look up (it waited for a difference that carried them). */
  Container withoutPeers() {
    return peers.length == 0 ? this : new Container(updates, date, seqStart, seq, tooLong, NONE);
  }
}
