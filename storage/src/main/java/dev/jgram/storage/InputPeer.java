package dev.jgram.storage;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * What a client sends to Telegram to address a peer: the TL {@code InputPeer} family.
 *
 * <p>Lookups in a {@link Storage} answer with one of these, built the way Pyrogram builds
 * them from a {@code peers} row: users and bots become {@link User} with their access hash,
 * basic groups {@link Chat} with the bare chat id, channels and supergroups {@link Channel}
 * with the bare channel id and access hash.
 */
public sealed interface InputPeer {

  /** The TL serialisation (constructor id and fields, little-endian), as sent on the wire. */
  byte[] toTl();

  /** Builds the input peer for a cached row. */
  static InputPeer of(long markedId, PeerType type, long accessHash) {
    return switch (type) {
      case USER, BOT -> new User(markedId, accessHash);
      case GROUP -> new Chat(PeerIds.chatId(markedId));
      case CHANNEL, SUPERGROUP -> new Channel(PeerIds.channelId(markedId), accessHash);
    };
  }

  /**
   * {@code inputPeerUser#dde8a54c user_id:long access_hash:long}.
   *
   * @param userId the user or bot id
   * @param accessHash the access hash
   */
  record User(long userId, long accessHash) implements InputPeer {
    /** The TL constructor id. */
    public static final int CONSTRUCTOR = 0xdde8a54c;

    @Override
    public byte[] toTl() {
      return tl(20).putInt(CONSTRUCTOR).putLong(userId).putLong(accessHash).array();
    }
  }

  /**
   * {@code inputPeerChat#35a95cb9 chat_id:long}.
   *
   * @param chatId the bare (positive) chat id
   */
  record Chat(long chatId) implements InputPeer {
    /** The TL constructor id. */
    public static final int CONSTRUCTOR = 0x35a95cb9;

    @Override
    public byte[] toTl() {
      return tl(12).putInt(CONSTRUCTOR).putLong(chatId).array();
    }
  }

  /**
   * {@code inputPeerChannel#27bcbbfc channel_id:long access_hash:long}.
   *
   * @param channelId the bare (positive) channel id
   * @param accessHash the access hash
   */
  record Channel(long channelId, long accessHash) implements InputPeer {
    /** The TL constructor id. */
    public static final int CONSTRUCTOR = 0x27bcbbfc;

    @Override
    public byte[] toTl() {
      return tl(20).putInt(CONSTRUCTOR).putLong(channelId).putLong(accessHash).array();
    }
  }

  /** {@code inputPeerSelf#7da07ec9}: the logged-in account itself. */
  record Self() implements InputPeer {
    /** The TL constructor id. */
    public static final int CONSTRUCTOR = 0x7da07ec9;

    @Override
    public byte[] toTl() {
      return tl(4).putInt(CONSTRUCTOR).array();
    }
  }

  private static ByteBuffer tl(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }
}
