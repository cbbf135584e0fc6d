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
 */
record Container(List<TlObject> updates, int date, int seqStart, int seq, boolean tooLong) {
  Container {
    updates = List.copyOf(updates);
  }

  static Container of(List<TlObject> updates, int date, int seqStart, int seq) {
    return new Container(updates, date, seqStart, seq, false);
  }

  static Container tooLongMarker() {
    return new Container(List.of(), 0, 0, 0, true);
  }
}
