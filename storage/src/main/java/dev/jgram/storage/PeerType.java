package dev.jgram.storage;

/**
 * The five peer types Pyrogram stores as text in the {@code peers.type} column.
 *
 * <p>The type is always stored explicitly and never inferred from the id's range: Telegram
 * has widened those ranges before (new channel ids broke Pyrogram's {@code get_peer_type}).
 */
public enum PeerType {
  /** A user account. */
  USER("user"),
  /** A bot account. */
  BOT("bot"),
  /** A basic group (marked id {@code -chat_id}). */
  GROUP("group"),
  /** A broadcast channel (marked id {@code -1000000000000 - channel_id}). */
  CHANNEL("channel"),
  /** A supergroup, which Telegram models as a channel (same id form). */
  SUPERGROUP("supergroup");

  private final String value;

  PeerType(String value) {
    this.value = value;
  }

  /** The text Pyrogram writes: {@code "user"}, {@code "bot"}, and so on. */
  public String value() {
    return value;
  }

  /**
   * Parses Pyrogram's text form.
   *
   * @throws IllegalArgumentException naming the value and the accepted ones
   */
  public static PeerType fromValue(String value) {
    for (PeerType t : values()) {
      if (t.value.equals(value)) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "unknown peer type '" + value + "'; expected one of user, bot, group, channel, supergroup");
  }

  /** Whether peers of this type are addressed as users ({@code InputPeerUser}). */
  public boolean isUser() {
    return this == USER || this == BOT;
  }

  /** Whether peers of this type are addressed as channels ({@code InputPeerChannel}). */
  public boolean isChannel() {
    return this == CHANNEL || this == SUPERGROUP;
  }
}
