package dev.jgram.storage.memory;

import dev.jgram.storage.PeerNotFoundException;

/** What a memory-engine lookup goes by, and the reason it reports on a miss. */
enum PeerKey {
  ID(PeerNotFoundException.Reason.ID_NOT_FOUND),
  USERNAME(PeerNotFoundException.Reason.USERNAME_NOT_FOUND),
  PHONE(PeerNotFoundException.Reason.PHONE_NOT_FOUND);

  /** The reason of a miss. */
  final PeerNotFoundException.Reason miss;

  PeerKey(PeerNotFoundException.Reason miss) {
    this.miss = miss;
  }
}
