package dev.jgram.mtproto.tl;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The API layers jgram ships, one schema per layer, so a server answers each client in the
 * layer it announced with {@code invokeWithLayer}.
 *
 * <p>Each shipped schema is jgram's MTProto service layer ({@code mtproto.tl}) plus the API
 * subset of that layer ({@code api-<layer>.tl}): the same functions and constructors, by name,
 * with each layer's official declarations. {@link #schema(int)} answers a layer between two
 * shipped ones with the newest shipped schema not above it (a layer-200 client is answered
 * in layer 198) and refuses a layer below the oldest with {@link UnsupportedLayerException}.
 *
 * <h2>One object for every layer</h2>
 *
 * <p>A server builds a {@link TlObject} by constructor name once and encodes it at each
 * connection's layer. The encoder's rule for fields, in shipped schemas:
 *
 * <ul>
 *   <li>a field the constructor declares at the schema's layer is written (a required one
 *       that is missing is a {@link TlException});
 *   <li>a field the constructor does not declare at this layer but does declare at another
 *       shipped layer is left out (it belongs to the other layer);
 *   <li>any other field name is a {@link TlException} naming it: a typo is never dropped.
 * </ul>
 *
 * <p>Schemas loaded with {@link TlSchema#parse} or {@link TlSchema#withApi} are strict: only
 * the fields their constructors declare. Fields that differ between the shipped layers, for
 * the objects whose ids differ on the login path (flags-only {@code true} fields omitted):
 *
 * <pre>
 * | constructor | 158        | 198        | 227        | fields that differ                  |
 * |-------------|------------|------------|------------|-------------------------------------|
 * | user        | 8f97c628   | 4b46c37e   | 31774388   | 198 adds optional stories_max_id    |
 * |             |            |            |            | (int), color, profile_color         |
 * |             |            |            |            | (PeerColor), bot_active_users (int),|
 * |             |            |            |            | bot_verification_icon (long); 227   |
 * |             |            |            |            | types stories_max_id as RecentStory |
 * |             |            |            |            | and adds send_paid_messages_stars   |
 * | userFull    | 93eadb53   | 4d975bbc   | 06cbe645   | 198 adds flags2 and optional        |
 * |             |            |            |            | stories, business_*, birthday,      |
 * |             |            |            |            | personal_channel_*, stargifts_count,|
 * |             |            |            |            | starref_program, bot_verification;  |
 * |             |            |            |            | 227 drops theme_emoticon (string)   |
 * |             |            |            |            | and premium_gifts for theme         |
 * |             |            |            |            | (ChatTheme, same bit 15) and adds   |
 * |             |            |            |            | optional send_paid_messages_stars,  |
 * |             |            |            |            | disallowed_gifts, stars_rating, ... |
 * | channel     | 83259464   | e00998b7   | 1c32b11c   | as user: 198 adds optional          |
 * |             |            |            |            | stories_max_id (int), color,        |
 * |             |            |            |            | profile_color, emoji_status, level, |
 * |             |            |            |            | subscription_until_date,            |
 * |             |            |            |            | bot_verification_icon; 227 types    |
 * |             |            |            |            | stories_max_id as RecentStory, adds |
 * |             |            |            |            | send_paid_messages_stars,           |
 * |             |            |            |            | linked_monoforum_id                 |
 * | config      | cc1a241e   | cc1a241e   | cc1a241e   | none                                |
 * </pre>
 *
 * <p>No required field appears or disappears in these four, so an object holding every
 * required field encodes at all three layers. A field whose type changed ({@code
 * stories_max_id}: {@code int} at 198, {@code RecentStory} at 227) must be set per layer: a
 * value of the wrong type is a {@link TlException}. Among the other shipped constructors,
 * required fields differ only in {@code messages.messages} and {@code messages.messagesSlice}
 * (227 requires {@code topics}: give an empty list, left out below 227), {@code
 * messageReplyHeader} (158 requires {@code reply_to_msg_id}), {@code dialog} and {@code
 * forumTopic} (227 requires {@code unread_poll_votes_count}, and {@code forumTopic} a {@code
 * peer}), {@code keyboardButtonRequestPeer} (198 on requires {@code max_quantity}) and {@code
 * documentAttributeVideo} ({@code duration} is an int at 158, a double later; numbers are
 * converted, so a fraction is cut at 158). Other constructors on the login and update paths
 * whose ids differ by layer: {@code message} (38116ee0, 96fdbbe9, 7600b9d3), {@code
 * messageService} (2b085862, d3d28540, 7a800e0a), {@code peerSettings} (a518110d, acd66c5e,
 * f47741f7), {@code peerNotifySettings} (a83b0426 at 158), {@code messages.messages} and
 * {@code messages.messagesSlice} (1d73e7ea and 5f206716 at 227), {@code userStatusRecently}
 * (e26f42f1 at 158), {@code updateReadHistoryInbox} (9e84bc99 at 227), {@code
 * messageReplyHeader}, {@code messageFwdHeader}, {@code messageMediaPhoto}, {@code
 * messageMediaDocument}, {@code botInfo} and {@code emojiStatus}. {@code LayersTest} and
 * {@code ShippedLayersTest} pin all of this.
 */
public final class Layers {
  /** The layer {@link TlSchema#jgram()} speaks and jgram's client announces. */
  public static final int JGRAM = 198;

  private static final List<Integer> SHIPPED = List.of(158, 198, 227);
  private static final int INVOKE_WITH_LAYER = 0xda9b0d0d;
  private static final int INVOKE_WITHOUT_UPDATES = 0xbf9459b7;
  private static final int INVOKE_AFTER_MSG = 0xcb9f372d;
  private static final int INVOKE_AFTER_MSGS = 0x3dc4b4f0;

  private Layers() {}

  /** The shipped layers, oldest first: {@code [158, 198, 227]}. */
  public static List<Integer> shipped() {
    return SHIPPED;
  }

  /**
   * The shipped layer that answers a client of {@code layer}: the newest shipped layer not
   * above it.
   *
   * @throws UnsupportedLayerException if {@code layer} is below the oldest shipped layer
   */
  public static int resolve(int layer) {
    int best = -1;
    for (int shipped : SHIPPED) {
      if (shipped <= layer) {
        best = shipped;
      }
    }
    if (best < 0) {
      throw new UnsupportedLayerException(layer, SHIPPED);
    }
    return best;
  }

  /**
   * The schema that answers a client of {@code layer} (see {@link #resolve}); its
   * {@link TlSchema#layer()} is the shipped layer chosen.
   *
   * @throws UnsupportedLayerException if {@code layer} is below the oldest shipped layer
   */
  public static TlSchema schema(int layer) {
    return Holder.SCHEMAS.get(resolve(layer));
  }

  /**
   * The layer a query announces: the {@code layer} of an {@code invokeWithLayer} at its start,
   * looking through {@code invokeAfterMsg}, {@code invokeAfterMsgs} and {@code
   * invokeWithoutUpdates} wrappers; empty for any other query or for data too short to say.
   * A server reads it before decoding the query with that layer's schema.
   */
  public static OptionalInt announced(byte[] query) {
    TlReader reader = new TlReader(query);
    try {
      while (true) {
        int id = reader.readInt();
        switch (id) {
          case INVOKE_WITH_LAYER -> {
            return OptionalInt.of(reader.readInt());
          }
          case INVOKE_WITHOUT_UPDATES -> { }
          case INVOKE_AFTER_MSG -> reader.readLong();
          case INVOKE_AFTER_MSGS -> {
            int count = reader.readVectorHeader();
            for (int i = 0; i < count; i++) {
              reader.readLong();
            }
          }
          default -> {
            return OptionalInt.empty();
          }
        }
      }
    } catch (TlException truncated) {
      return OptionalInt.empty();
    }
  }

  private static Map<Integer, TlSchema> load() {
    Map<Integer, TlSchema> parsed = new HashMap<>();
    for (int layer : SHIPPED) {
      TlSchema schema = TlSchema.withApi(TlSchema.resource("/dev/jgram/mtproto/tl/api-" + layer
          + ".tl"));
      if (schema.layer() != layer) {
        throw new IllegalStateException("jgram schema api-" + layer + ".tl declares layer "
            + schema.layer());
      }
      parsed.put(layer, schema);
    }
    Map<String, Set<String>> fieldsAnyLayer = new HashMap<>();
    for (TlSchema schema : parsed.values()) {
      for (TlCombinator c : schema.combinators()) {
        Set<String> fields = fieldsAnyLayer.computeIfAbsent(c.name(), k -> new HashSet<>());
        c.params().forEach(p -> fields.add(p.name()));
      }
    }
    Map<Integer, TlSchema> shipped = new HashMap<>();
    parsed.forEach((layer, schema) -> shipped.put(layer,
        schema.withFieldsOfOtherLayers(fieldsAnyLayer)));
    return Map.copyOf(shipped);
  }

  private static final class Holder {
    static final Map<Integer, TlSchema> SCHEMAS = load();
  }
}
