package dev.jgram.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.jgram.storage.AuthKey;
import dev.jgram.storage.DcKey;
import dev.jgram.storage.Session;
import dev.jgram.storage.UpdateState;
import dev.jgram.storage.format.PortableSession;
import java.util.HexFormat;
import java.util.List;

/**
 * What {@code jgram info} reports about a session; its JSON has exactly these keys, {@code null}
 * where a value is unknown or the format does not carry it. The auth key itself appears only when asked for with
 * {@code --show-secrets} ({@code auth_key}, absent otherwise).
 *
 * @param format the detected format, e.g. {@code pyrogram-file}
 * @param schemaVersion the file's schema version; {@code null} for strings
 * @param dcId the home data centre
 * @param apiId the application's api_id
 * @param testMode whether the session is on the test servers
 * @param userId the logged-in user or bot
 * @param isBot whether the account is a bot
 * @param date unix seconds of the last save
 * @param authKeyId lower-case hex of bytes 12..19 of SHA-1 of the key
 * @param otherDcs the DCs other than the home DC the session keeps a key for: ids, key ids and
 *     whether an authorisation was imported on the key (never a key); empty when none
 * @param peers how many peers are cached
 * @param encryption for a session file: how its auth key is sealed at rest, or {@code none};
 *     {@code null} for formats that have no such thing
 * @param updateState the common update state
 * @param serverAddress the server address the format carries, or {@code null}
 * @param port the port the format carries, or {@code null}
 * @param authKey the key as hex, only with --show-secrets
 */
@JsonPropertyOrder({"format", "schema_version", "dc_id", "api_id", "test_mode", "user_id",
    "is_bot", "date", "auth_key_id", "other_dcs", "peers", "encryption", "update_state", "server_address",
    "port", "auth_key"})
record SessionReport(
    @JsonProperty("format") String format,
    @JsonProperty("schema_version") Integer schemaVersion,
    @JsonProperty("dc_id") Integer dcId,
    @JsonProperty("api_id") Long apiId,
    @JsonProperty("test_mode") Boolean testMode,
    @JsonProperty("user_id") Long userId,
    @JsonProperty("is_bot") Boolean isBot,
    @JsonProperty("date") Long date,
    @JsonProperty("auth_key_id") String authKeyId,
    @JsonProperty("other_dcs") List<OtherDc> otherDcs,
    @JsonProperty("peers") Long peers,
    @JsonProperty("encryption") String encryption,
    @JsonProperty("update_state") State updateState,
    @JsonProperty("server_address") String serverAddress,
    @JsonProperty("port") Integer port,
    @JsonProperty("auth_key") @JsonInclude(JsonInclude.Include.NON_NULL) String authKey) {

  /**
   * A DC other than the home DC with a stored key.
   *
   * @param dcId the DC
   * @param authKeyId the key id, lower-case hex
   * @param authorized whether an authorisation was imported on the key
   */
  @JsonPropertyOrder({"dc_id", "auth_key_id", "authorized"})
  record OtherDc(
      @JsonProperty("dc_id") int dcId,
      @JsonProperty("auth_key_id") String authKeyId,
      @JsonProperty("authorized") boolean authorized) {

    static List<OtherDc> of(List<DcKey> keys) {
      return keys.stream().map(k -> new OtherDc(k.dcId(), k.authKey().idHex(), k.authorized()))
          .toList();
    }
  }

  /**
   * The update state as JSON.
   *
   * @param pts the common box's pts
   * @param qts the secret-chat box's qts
   * @param date unix seconds of the last update
   * @param seq the sequence number
   */
  @JsonPropertyOrder({"pts", "qts", "date", "seq"})
  record State(
      @JsonProperty("pts") int pts,
      @JsonProperty("qts") int qts,
      @JsonProperty("date") int date,
      @JsonProperty("seq") int seq) {

    static State of(UpdateState s) {
      return s == null ? null : new State(s.pts(), s.qts(), s.date(), s.seq());
    }
  }

  /**
   * A report of what was read, with the key only if {@code showSecrets}; {@code encryption} as
   * for the record.
   */
  static SessionReport of(SessionReader.Loaded loaded, String encryption, boolean showSecrets) {
    PortableSession p = loaded.session();
    Session session = p.session();
    AuthKey key = session.authKey();
    return new SessionReport(loaded.format().cliName(), loaded.schemaVersion(), session.dcId(),
        session.apiId(), session.testMode(), session.userId(), session.isBot(), session.date(),
        key == null ? null : key.idHex(), OtherDc.of(loaded.dcKeys()), loaded.peerCount(), encryption, State.of(p.updateState()),
        p.serverAddress(), p.port(),
        showSecrets && key != null ? HexFormat.of().formatHex(key.bytes()) : null);
  }
}
