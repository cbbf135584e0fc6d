package dev.jgram.testdc.services;

import dev.jgram.mtproto.tl.TlObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The TL objects of accounts, channels and messages as one viewing account sees them: full
 * (never {@code min}) users and channels with the viewer's access hashes, the phone shown only
 * to its owner. Fields are named as in the official schema; the core encodes them in the
 * connection's layer.
 */
final class Views {
  private final ClusterState state;
  private final AccessHashes hashes;

  Views(ClusterState state, AccessHashes hashes) {
    this.state = state;
    this.hashes = hashes;
  }

  TlObject user(long viewer, Account a) {
    boolean self = viewer == a.id();
    return TlObject.of("user",
        "self", self ? Boolean.TRUE : null,
        "bot", a.bot() ? Boolean.TRUE : null,
        "id", a.id(),
        "access_hash", hashes.user(viewer, a.id()),
        "first_name", a.firstName(),
        "last_name", a.lastName(),
        "username", a.username(),
        "phone", self ? a.phone() : null,
        "status", a.bot() ? null : TlObject.of("userStatusRecently"),
        "bot_info_version", a.bot() ? 1 : null);
  }

  /** The users among {@code ids} that exist, in order, each once. */
  List<TlObject> users(long viewer, Collection<Long> ids) {
    List<TlObject> users = new ArrayList<>();
    for (long id : new LinkedHashSet<>(ids)) {
      state.account(id).ifPresent(a -> users.add(user(viewer, a)));
    }
    return users;
  }

  TlObject channel(long viewer, Channel c) {
    boolean member = c.isMember(viewer);
    return TlObject.of("channel",
        "creator", c.creatorId() == viewer ? Boolean.TRUE : null,
        "left", member ? null : Boolean.TRUE,
        "broadcast", c.broadcast() ? Boolean.TRUE : null,
        "megagroup", c.broadcast() ? null : Boolean.TRUE,
        "id", c.id(),
        "access_hash", hashes.channel(viewer, c.id()),
        "title", c.title(),
        "username", c.username(),
        "photo", TlObject.of("chatPhotoEmpty"),
        "date", c.date(),
        "participants_count", c.members().size());
  }

  static TlObject peerUser(long id) {
    return TlObject.of("peerUser", "user_id", id);
  }

  static TlObject peerChannel(long id) {
    return TlObject.of("peerChannel", "channel_id", id);
  }

  /** A private message as the box's owner sees it. */
  static TlObject message(BoxMessage m) {
    return TlObject.of("message",
        "out", m.out() ? Boolean.TRUE : null,
        "id", m.id(),
        "from_id", m.out() ? peerUser(m.fromId()) : null,
        "peer_id", peerUser(m.peerId()),
        "date", m.date(),
        "message", m.text());
  }

  /** A channel message as {@code viewer} sees it: a post in a broadcast, signed in a group. */
  static TlObject message(long viewer, Channel c, ChannelMessage m) {
    return TlObject.of("message",
        "out", m.fromId() == viewer ? Boolean.TRUE : null,
        "post", c.broadcast() ? Boolean.TRUE : null,
        "id", m.id(),
        "from_id", c.broadcast() ? null : peerUser(m.fromId()),
        "peer_id", peerChannel(c.id()),
        "date", m.date(),
        "message", m.text());
  }

  /** The users a list of private messages names. */
  static Set<Long> usersOf(long owner, List<BoxMessage> messages) {
    Set<Long> ids = new LinkedHashSet<>();
    ids.add(owner);
    messages.forEach(m -> {
      ids.add(m.peerId());
      ids.add(m.fromId());
    });
    return ids;
  }

  /** The users a list of channel messages names. */
  static Set<Long> usersOf(List<ChannelMessage> messages) {
    Set<Long> ids = new LinkedHashSet<>();
    messages.forEach(m -> ids.add(m.fromId()));
    return ids;
  }
}
