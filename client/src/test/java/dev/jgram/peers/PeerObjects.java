package dev.jgram.peers;

import dev.jgram.mtproto.tl.TlCodec;
import dev.jgram.mtproto.tl.TlObject;
import java.util.Arrays;
import java.util.List;

/** Builds {@code User} and {@code Chat} objects that encode at every shipped layer. */
final class PeerObjects {
  private PeerObjects() {}

  static TlObject user(long id, long accessHash, String username, String phone) {
    return TlObject.of("user", "id", id, "access_hash", accessHash, "first_name", "U" + id,
        "username", username, "phone", phone);
  }

  static TlObject bot(long id, long accessHash, String username) {
    return user(id, accessHash, username, null).with("bot", true).with("bot_info_version", 1);
  }

  static TlObject minUser(long id, long accessHash, String username) {
    return user(id, accessHash, username, null).with("min", true);
  }

  static TlObject username(String name, boolean active) {
    return TlObject.of("username", "username", name, "active", active ? true : null);
  }

  static List<TlObject> usernames(TlObject... names) {
    return Arrays.asList(names);
  }

  static TlObject chat(long id) {
    return TlObject.of("chat", "id", id, "title", "Group " + id, "photo",
        TlObject.of("chatPhotoEmpty"), "participants_count", 3, "date", 1_700_000_000,
        "version", 1);
  }

  static TlObject chatForbidden(long id) {
    return TlObject.of("chatForbidden", "id", id, "title", "Gone " + id);
  }

  static TlObject channel(long id, long accessHash, String username, boolean broadcast) {
    return TlObject.of("channel", "id", id, "access_hash", accessHash, "title", "C" + id,
        "username", username, "photo", TlObject.of("chatPhotoEmpty"), "date", 1_700_000_000,
        "broadcast", broadcast ? true : null, "megagroup", broadcast ? null : true);
  }

  static TlObject minChannel(long id, long accessHash, String username) {
    return channel(id, accessHash, username, false).with("min", true);
  }

  static TlObject channelForbidden(long id, long accessHash, boolean broadcast) {
    return TlObject.of("channelForbidden", "id", id, "access_hash", accessHash, "title",
        "F" + id, "broadcast", broadcast ? true : null);
  }

  /** Encodes at {@code layer} and decodes again: what a client of that layer receives. */
  static TlObject atLayer(int layer, TlObject object) {
    TlCodec codec = TlCodec.forLayer(layer);
    return codec.decode(codec.encode(object));
  }

  /** A {@code Vector<User>} result encoded and decoded at {@code layer}. */
  static Object vectorAtLayer(int layer, String function, List<TlObject> result) {
    TlCodec codec = TlCodec.forLayer(layer);
    return codec.decode(codec.encodeResult(function, result), "Object");
  }
}
