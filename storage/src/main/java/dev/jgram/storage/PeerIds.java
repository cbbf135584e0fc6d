package dev.jgram.storage;

/**
 * Pyrogram's marked peer ids, which put users, basic groups and channels in one id space.
 *
 * <table>
 *   <caption>Marked id forms</caption>
 *   <tr><th>peer</th><th>marked id</th></tr>
 *   <tr><td>user or bot</td><td>{@code user_id} (positive)</td></tr>
 *   <tr><td>basic group</td><td>{@code -chat_id}</td></tr>
 *   <tr><td>channel or supergroup</td><td>{@code -1000000000000 - channel_id}</td></tr>
 * </table>
 *
 * <p>The marked id alone never decides a peer's type in jgram's own storage (the type is
 * stored); {@link #typeOf(long)} exists for formats that store none, such as Telethon's.
 */
public final class PeerIds {
  /** The offset of channel ids: {@code -1000000000000}. */
  public static final long CHANNEL_OFFSET = -1_000_000_000_000L;

  private PeerIds() {}

  /** The marked id of a basic group. */
  public static long markChat(long chatId) {
    return -chatId;
  }

  /** The marked id of a channel or supergroup. */
  public static long markChannel(long channelId) {
    return CHANNEL_OFFSET - channelId;
  }

  /** The bare chat id of a marked basic-group id. */
  public static long chatId(long markedId) {
    return -markedId;
  }

  /** The bare channel id of a marked channel id. */
  public static long channelId(long markedId) {
    return CHANNEL_OFFSET - markedId;
  }

  /**
   * The type a marked id implies when nothing else is known: positive is a user, from
   * {@code -1000000000000} down is a channel (reported as {@link PeerType#CHANNEL}, since the
   * id cannot tell a broadcast channel from a supergroup), other negatives are basic groups.
   *
   * @throws IllegalArgumentException for id 0
   */
  public static PeerType typeOf(long markedId) {
    if (markedId > 0) {
      return PeerType.USER;
    }
    if (markedId == 0) {
      throw new IllegalArgumentException("peer id 0 is not a valid marked id");
    }
    return markedId <= CHANNEL_OFFSET ? PeerType.CHANNEL : PeerType.GROUP;
  }
}
