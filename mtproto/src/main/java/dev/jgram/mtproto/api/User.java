package dev.jgram.mtproto.api;

import dev.jgram.mtproto.tl.TlObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields jgram reads from {@code user} / {@code userEmpty}.
 *
 * @param id the user id
 * @param accessHash the access hash, null when absent (min users, userEmpty)
 * @param firstName first name or null
 * @param lastName last name or null
 * @param usernames the main username first, then the active collectible ones
 * @param phone phone number without '+', or null
 * @param bot whether the user is a bot
 * @param self whether this is the logged-in user
 * @param min whether this is a "min" constructor with partial data
 */
public record User(long id, Long accessHash, String firstName, String lastName,
    List<String> usernames, String phone, boolean bot, boolean self, boolean min) {

  /** Copies the username list. */
  public User {
    usernames = List.copyOf(usernames);
  }

  /** Reads a decoded {@code user} or {@code userEmpty}. */
  public static User from(TlObject object) {
    Views.require(object, "user", "userEmpty");
    List<String> usernames = new ArrayList<>();
    if (object.string("username") != null) {
      usernames.add(object.string("username"));
    }
    for (TlObject username : object.<TlObject>list("usernames")) {
      String name = username.string("username");
      if (username.flag("active") && !usernames.contains(name)) {
        usernames.add(name);
      }
    }
    return new User(object.longValue("id"), Views.optionalLong(object, "access_hash"),
        object.string("first_name"), object.string("last_name"), usernames,
        object.string("phone"), object.flag("bot"), object.flag("self"), object.flag("min"));
  }
}
