package dev.jgram.mtproto.api;

import dev.jgram.mtproto.tl.TlObject;

/**
 * The fields jgram reads from the {@code Chat} family (basic groups and channels).
 *
 * @param id the chat or channel id
 * @param accessHash the channel access hash, null for basic groups and when absent
 * @param title the title, or null for chatEmpty
 * @param username the main public username, or null
 * @param channel whether this is a channel or supergroup (not a basic group)
 * @param megagroup whether the channel is a supergroup
 * @param forbidden whether the account can no longer access it
 */
public record Chat(long id, Long accessHash, String title, String username, boolean channel,
    boolean megagroup, boolean forbidden) {

  /** Reads a decoded chat, chatEmpty, chatForbidden, channel or channelForbidden. */
  public static Chat from(TlObject object) {
    Views.require(object, "chat", "chatEmpty", "chatForbidden", "channel", "channelForbidden");
    boolean channel = object.name().startsWith("channel");
    return new Chat(object.longValue("id"), Views.optionalLong(object, "access_hash"),
        object.string("title"), object.string("username"), channel, object.flag("megagroup"),
        object.name().endsWith("Forbidden"));
  }
}
