package dev.jgram.peers;

import dev.jgram.storage.Peer;
import java.util.Objects;

/**
 * A peer as one answer showed it, before it is merged with what the cache already holds.
 *
 * <p>A {@code min} peer ({@code user} with flags bit 20, {@code channel} with flags bit 12)
 * carries an access hash that is not the viewer's: {@link ResultPeers#rows} never stores it,
 * and {@link #peer()} holds it only so the caller can see what arrived.
 *
 * @param peer the row the object maps to, with Pyrogram's marked id, type and lower-cased
 *     usernames
 * @param min whether the object was a {@code min} constructor
 */
public record SeenPeer(Peer peer, boolean min) {
  /** Checks that the peer is present. */
  public SeenPeer {
    Objects.requireNonNull(peer, "peer");
  }
}
