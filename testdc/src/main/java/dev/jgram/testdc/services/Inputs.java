package dev.jgram.testdc.services;

import dev.jgram.mtproto.tl.TlObject;
import java.util.Optional;

/**
 * Resolves {@code InputUser}, {@code InputPeer} and {@code InputChannel} for a viewer, checking
 * access hashes: a hash the viewer was never given does not resolve. The {@code ...FromMessage}
 * forms resolve by id (the cluster sends no {@code min} objects, so they only appear when a
 * client builds them itself).
 */
final class Inputs {
  private final ClusterState state;
  private final AccessHashes hashes;

  Inputs(ClusterState state, AccessHashes hashes) {
    this.state = state;
    this.hashes = hashes;
  }

  Optional<Account> user(long viewer, TlObject input) {
    return switch (input.name()) {
      case "inputUserSelf", "inputPeerSelf" -> state.account(viewer);
      case "inputUser", "inputPeerUser" -> state.account(input.longValue("user_id"))
          .filter(a -> hashes.user(viewer, a.id()) == input.longValue("access_hash"));
      case "inputUserFromMessage", "inputPeerUserFromMessage" ->
          state.account(input.longValue("user_id"));
      default -> Optional.empty();
    };
  }

  Optional<Channel> channel(long viewer, TlObject input) {
    return switch (input.name()) {
      case "inputChannel", "inputPeerChannel" -> state.channel(input.longValue("channel_id"))
          .filter(c -> hashes.channel(viewer, c.id()) == input.longValue("access_hash"));
      case "inputChannelFromMessage", "inputPeerChannelFromMessage" ->
          state.channel(input.longValue("channel_id"));
      default -> Optional.empty();
    };
  }

  static boolean isChannel(TlObject inputPeer) {
    return inputPeer.name().startsWith("inputPeerChannel");
  }

  /** The channel, which the viewer must be able to read (a member, or it is public). */
  Channel readableChannel(long viewer, TlObject input) {
    Channel channel = channel(viewer, input)
        .orElseThrow(() -> RpcException.badRequest("CHANNEL_INVALID"));
    if (!channel.isMember(viewer) && channel.username() == null) {
      throw RpcException.badRequest("CHANNEL_PRIVATE");
    }
    return channel;
  }
}
