package dev.jgram.storage.index;

import dev.jgram.storage.PeerNotFoundException;

/** What a {@link PeerIndex} lookup goes by, and the reason it reports on a miss. */
public enum PeerKey {
  /** A marked peer id. */
  ID(PeerNotFoundException.Reason.ID_NOT_FOUND),
  /** Any of a peer's usernames. */
  USERNAME(PeerNotFoundException.Reason.USERNAME_NOT_FOUND),
  /** A phone number. */
  PHONE(PeerNotFoundException.Reason.PHONE_NOT_FOUND);

  private final PeerNotFoundException.Reason miss;

  PeerKey(PeerNotFoundException.Reason miss) {
    this.miss = miss;
  }

  /** The reason of a miss. */
  public PeerNotFoundException.Reason miss() {
    return miss;
  }
}
