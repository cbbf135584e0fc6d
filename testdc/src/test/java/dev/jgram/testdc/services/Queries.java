package dev.jgram.testdc.services;

import dev.jgram.mtproto.tl.TlObject;
import java.util.List;

/** The queries tests send, built as a client builds them. */
final class Queries {
  static final int API_ID = 12345;
  static final String API_HASH = "0123456789abcdef0123456789abcdef";

  private Queries() {}

  static TlObject importBot(String token) {
    return TlObject.of("auth.importBotAuthorization", "flags", 0, "api_id", API_ID,
        "api_hash", API_HASH, "bot_auth_token", token);
  }

  static TlObject sendCode(String phone) {
    return TlObject.of("auth.sendCode", "phone_number", phone, "api_id", API_ID,
        "api_hash", API_HASH, "settings", TlObject.of("codeSettings"));
  }

  static TlObject signIn(String phone, String hash, String code) {
    return TlObject.of("auth.signIn", "phone_number", phone, "phone_code_hash", hash,
        "phone_code", code);
  }

  static TlObject signUp(String phone, String hash, String first, String last) {
    return TlObject.of("auth.signUp", "phone_number", phone, "phone_code_hash", hash,
        "first_name", first, "last_name", last);
  }

  static TlObject getUsers(TlObject... inputs) {
    return TlObject.of("users.getUsers", "id", List.of(inputs));
  }

  static TlObject self() {
    return TlObject.of("inputUserSelf");
  }

  static TlObject inputUser(long id, long accessHash) {
    return TlObject.of("inputUser", "user_id", id, "access_hash", accessHash);
  }

  static TlObject inputPeerUser(long id, long accessHash) {
    return TlObject.of("inputPeerUser", "user_id", id, "access_hash", accessHash);
  }

  static TlObject inputPeerChannel(long id, long accessHash) {
    return TlObject.of("inputPeerChannel", "channel_id", id, "access_hash", accessHash);
  }

  static TlObject inputChannel(long id, long accessHash) {
    return TlObject.of("inputChannel", "channel_id", id, "access_hash", accessHash);
  }

  static TlObject getFullUser(TlObject input) {
    return TlObject.of("users.getFullUser", "id", input);
  }

  static TlObject getState() {
    return TlObject.of("updates.getState");
  }

  static TlObject getDifference(int pts, int date) {
    return TlObject.of("updates.getDifference", "pts", pts, "date", date, "qts", 0);
  }

  static TlObject getChannelDifference(TlObject channel, int pts, int limit) {
    return TlObject.of("updates.getChannelDifference", "channel", channel,
        "filter", TlObject.of("channelMessagesFilterEmpty"), "pts", pts, "limit", limit);
  }

  static TlObject sendMessage(TlObject peer, String text, long randomId) {
    return TlObject.of("messages.sendMessage", "peer", peer, "message", text,
        "random_id", randomId);
  }

  static TlObject getHistory(TlObject peer, int offsetId, int limit) {
    return TlObject.of("messages.getHistory", "peer", peer, "offset_id", offsetId,
        "offset_date", 0, "add_offset", 0, "limit", limit, "max_id", 0, "min_id", 0,
        "hash", 0L);
  }
}
