package dev.jgram.storage;

import java.util.List;
import java.util.Objects;

/**
 * One entry of the peer cache: what a client needs to address a user, bot, group or channel
 * by its id, any of its usernames, or its phone number.
 *
 * <p>{@code id} is Pyrogram's marked id (see {@link PeerIds}). Usernames are kept in the
 * order given, all of them (Pyrogram keeps only the first); lookups match them exactly, so
 * callers lower-case them the way Telegram clients do. The phone number is digits only, as
 * Telegram sends it, without {@code +}.
 *
 * @param id the marked peer id
 * @param accessHash the access hash; 0 for basic groups; {@code null} if Telegram sent none
 * @param type the peer's type, stored explicitly
 * @param usernames every username of the peer, first one primary; never null
 * @param phoneNumber the phone number, or {@code null}
 * @param lastUpdateOn unix seconds when the entry was last written; set by the storage on write
 */
public record Peer(
    long id,
    Long accessHash,
    PeerType type,
    List<String> usernames,
    String phoneNumber,
    long lastUpdateOn) {

  /** Validates and copies the usernames. */
  public Peer {
    Objects.requireNonNull(type, "type");
    usernames = usernames == null ? List.of() : List.copyOf(usernames);
  }

  /** A peer as seen now; the storage stamps {@code lastUpdateOn} when it writes it. */
  public static Peer of(
      long id, Long accessHash, PeerType type, List<String> usernames, String phoneNumber) {
    return new Peer(id, accessHash, type, usernames, phoneNumber, 0);
  }

  /** The first username, which Pyrogram stores in {@code peers.username}; or {@code null}. */
  public String primaryUsername() {
    return usernames.isEmpty() ? null : usernames.get(0);
  }

  /** Returns a copy with {@code lastUpdateOn} replaced. */
  public Peer withLastUpdateOn(long lastUpdateOn) {
    return new Peer(id, accessHash, type, usernames, phoneNumber, lastUpdateOn);
  }

  /** The input peer a client sends to address this peer. */
  public InputPeer toInputPeer() {
    return InputPeer.of(id, type, accessHash == null ? 0 : accessHash);
  }
}
