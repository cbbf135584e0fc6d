package dev.jgram.peers;

import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.storage.Peer;
import dev.jgram.storage.PeerIds;
import dev.jgram.storage.PeerType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Maps one {@code User} or {@code Chat} object to its cache row, as Pyrogram 2.0.106's
 * {@code fetch_peers} does, with two differences: every active username is kept (Pyrogram keeps
 * one), and {@code min} objects are marked rather than dropped.
 *
 * <pre>
 * | constructor          | marked id           | access hash          | type                     |
 * |----------------------|---------------------|----------------------|--------------------------|
 * | user                 | id                  | access_hash or null  | bot if bot, else user    |
 * | chat, chatForbidden  | -id                 | 0                    | group                    |
 * | channel              | -1000000000000 - id | access_hash or null  | channel if broadcast,    |
 * | channelForbidden     | -1000000000000 - id | access_hash          | else supergroup          |
 * | userEmpty, chatEmpty | skipped             |                      |                          |
 * </pre>
 *
 * <p>The names are the same at every shipped layer (158, 198, 227), so one mapping serves all.
 */
final class PeerMapping {
  /** Constructors of the {@code User} type. */
  static final Set<String> USER_NAMES = Set.of("user", "userEmpty");
  /** Constructors of the {@code Chat} type. */
  static final Set<String> CHAT_NAMES =
      Set.of("chat", "chatEmpty", "chatForbidden", "channel", "channelForbidden");

  private PeerMapping() {}

  /** Whether {@code object} is a {@code User} or {@code Chat} constructor. */
  static boolean isPeerObject(TlObject object) {
    return USER_NAMES.contains(object.name()) || CHAT_NAMES.contains(object.name());
  }

  /** The row of a {@code User} or {@code Chat} object; empty for the {@code *Empty} ones. */
  static Optional<SeenPeer> map(TlObject object) {
    return switch (object.name()) {
      case "user" -> Optional.of(user(object));
      case "chat", "chatForbidden" -> Optional.of(new SeenPeer(Peer.of(
          PeerIds.markChat(object.longValue("id")), 0L, PeerType.GROUP, List.of(), null), false));
      case "channel" -> Optional.of(channel(object));
      case "channelForbidden" -> Optional.of(new SeenPeer(Peer.of(
          PeerIds.markChannel(object.longValue("id")), object.longValue("access_hash"),
          channelType(object), List.of(), null), false));
      case "userEmpty", "chatEmpty" -> Optional.empty();
      default -> throw new IllegalArgumentException("'" + object.name()
          + "' is not a User or Chat constructor; expected one of " + USER_NAMES + " or "
          + CHAT_NAMES);
    };
  }

  private static SeenPeer user(TlObject user) {
    PeerType type = user.flag("bot") ? PeerType.BOT : PeerType.USER;
    Peer peer = Peer.of(user.longValue("id"), accessHash(user), type, usernames(user),
        user.string("phone"));
    return new SeenPeer(peer, user.flag("min"));
  }

  private static SeenPeer channel(TlObject channel) {
    Peer peer = Peer.of(PeerIds.markChannel(channel.longValue("id")), accessHash(channel),
        channelType(channel), usernames(channel), null);
    return new SeenPeer(peer, channel.flag("min"));
  }

  private static PeerType channelType(TlObject channel) {
    return channel.flag("broadcast") ? PeerType.CHANNEL : PeerType.SUPERGROUP;
  }

  private static Long accessHash(TlObject object) {
    return object.has("access_hash") ? object.longValue("access_hash") : null;
  }

  /**
   * {@code username} first, then every {@code usernames} entry with the {@code active} flag,
   * lower-cased, without repeats. Inactive (disabled collectible) usernames are left out:
   * Telegram does not resolve them to this peer.
   */
  static List<String> usernames(TlObject object) {
    Set<String> names = new LinkedHashSet<>();
    String primary = object.string("username");
    if (primary != null && !primary.isEmpty()) {
      names.add(primary.toLowerCase(Locale.ROOT));
    }
    for (Object entry : object.<Object>list("usernames")) {
      if (entry instanceof TlObject username && username.flag("active")) {
        String name = username.string("username");
        if (name != null && !name.isEmpty()) {
          names.add(name.toLowerCase(Locale.ROOT));
        }
      }
    }
    return new ArrayList<>(names);
  }
}
