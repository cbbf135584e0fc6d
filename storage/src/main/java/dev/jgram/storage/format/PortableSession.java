package dev.jgram.storage.format;

import dev.jgram.storage.AuthKey;
import dev.jgram.storage.Peer;
import dev.jgram.storage.Session;
import dev.jgram.storage.UpdateState;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A session on its way from one library's format to another's: the fields every format
 * shares ({@link Session}), the server address the string formats carry, and what the file
 * formats add (peer cache, update state). A field the source format does not carry stays
 * {@code null}; the {@code with...} methods let a caller supply it (the CLI's
 * {@code --api-id}, {@code --user-id}, {@code --bot}, {@code --test}).
 *
 * <p>Format-specific details that have no common field travel in {@link #extras()} under the
 * {@code EXTRA_*} keys, so that a session converted back to its own format comes out the same.
 * {@code toString()} never shows the key bytes.
 *
 * @param session dc, api id, test mode, auth key, user id, is-bot and date
 * @param serverAddress the address the source stored (IP literal or host name), or null
 * @param port the port the source stored, or null
 * @param peers the peer cache (Telethon entities, GramJS entity rows); empty for strings
 * @param updateState the common update state, or null
 * @param channelPts per-channel pts by bare channel id
 * @param extras format-specific details under the {@code EXTRA_*} keys
 */
public record PortableSession(
    Session session,
    String serverAddress,
    Integer port,
    List<Peer> peers,
    UpdateState updateState,
    Map<Long, Integer> channelPts,
    Map<String, String> extras) {

  /** gotd's server salt (decimal int64). */
  public static final String EXTRA_GOTD_SALT = "gotd.salt";
  /** gotd's {@code Data.Config} object, as compact JSON in gotd's own formatting. */
  public static final String EXTRA_GOTD_CONFIG = "gotd.config";
  /** mtcute's separate media DC option: {@code dc=<id>;flags=<n>;port=<n>;address=<text>}. */
  public static final String EXTRA_MTCUTE_MEDIA_DC = "mtcute.media_dc";
  /** Telethon's takeout session id (decimal int64). */
  public static final String EXTRA_TELETHON_TAKEOUT_ID = "telethon.takeout_id";

  /** Validates and copies the collections. */
  public PortableSession {
    Objects.requireNonNull(session, "session");
    if (port != null && (port < 0 || port > 65535)) {
      throw new IllegalArgumentException("port " + port + " is outside 0..65535");
    }
    peers = peers == null ? List.of() : List.copyOf(peers);
    channelPts = channelPts == null ? Map.of() : Collections.unmodifiableMap(
        new LinkedHashMap<>(channelPts));
    extras = extras == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extras));
  }

  /** A session without address, peers or extras. */
  public static PortableSession of(Session session) {
    return new PortableSession(session, null, null, List.of(), null, Map.of(), Map.of());
  }

  /** A session with the address the source format stored. */
  public static PortableSession of(Session session, String serverAddress, Integer port) {
    return new PortableSession(session, serverAddress, port, List.of(), null, Map.of(), Map.of());
  }

  /** The home data centre id, or null. */
  public Integer dcId() {
    return session.dcId();
  }

  /** The auth key, or null. */
  public AuthKey authKey() {
    return session.authKey();
  }

  /** Returns a copy with the session fields replaced. */
  public PortableSession withSession(Session session) {
    return new PortableSession(session, serverAddress, port, peers, updateState, channelPts,
        extras);
  }

  /** Returns a copy with the api_id supplied. */
  public PortableSession withApiId(long apiId) {
    return withSession(session.withApiId(apiId));
  }

  /** Returns a copy with the user id supplied. */
  public PortableSession withUserId(long userId) {
    return withSession(session.withUserId(userId));
  }

  /** Returns a copy saying whether the account is a bot. */
  public PortableSession withIsBot(boolean isBot) {
    return withSession(session.withIsBot(isBot));
  }

  /** Returns a copy saying whether the session is on the test servers. */
  public PortableSession withTestMode(boolean testMode) {
    return withSession(session.withTestMode(testMode));
  }

  /** Returns a copy with the server address and port replaced (either may be null). */
  public PortableSession withAddress(String serverAddress, Integer port) {
    return new PortableSession(session, serverAddress, port, peers, updateState, channelPts,
        extras);
  }

  /** Returns a copy with the peer cache replaced. */
  public PortableSession withPeers(List<Peer> peers) {
    return new PortableSession(session, serverAddress, port, peers, updateState, channelPts,
        extras);
  }

  /** Returns a copy with the update state and channel pts replaced. */
  public PortableSession withUpdates(UpdateState updateState, Map<Long, Integer> channelPts) {
    return new PortableSession(session, serverAddress, port, peers, updateState, channelPts,
        extras);
  }

  /** Returns a copy with one extra set ({@code value} null removes it). */
  public PortableSession withExtra(String key, String value) {
    Map<String, String> copy = new LinkedHashMap<>(extras);
    if (value == null) {
      copy.remove(key);
    } else {
      copy.put(key, value);
    }
    return new PortableSession(session, serverAddress, port, peers, updateState, channelPts,
        copy);
  }

  /** The extra under {@code key}, if set. */
  public Optional<String> extra(String key) {
    return Optional.ofNullable(extras.get(key));
  }
}
