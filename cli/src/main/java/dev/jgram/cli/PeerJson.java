package dev.jgram.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.jgram.storage.Peer;
import java.util.List;

/**
 * A cached peer as {@code jgram peers --json} prints it.
 *
 * @param id the marked id
 * @param accessHash the access hash, or {@code null}
 * @param type user, bot, group, channel or supergroup
 * @param usernames every username, primary first
 * @param phoneNumber the phone number (digits), or {@code null}
 * @param lastUpdateOn unix seconds of the entry's last write
 */
@JsonPropertyOrder({"id", "access_hash", "type", "usernames", "phone_number", "last_update_on"})
record PeerJson(
    @JsonProperty("id") long id,
    @JsonProperty("access_hash") Long accessHash,
    @JsonProperty("type") String type,
    @JsonProperty("usernames") List<String> usernames,
    @JsonProperty("phone_number") String phoneNumber,
    @JsonProperty("last_update_on") long lastUpdateOn) {

  static PeerJson of(Peer p) {
    return new PeerJson(p.id(), p.accessHash(), p.type().value(), p.usernames(), p.phoneNumber(),
        p.lastUpdateOn());
  }
}
