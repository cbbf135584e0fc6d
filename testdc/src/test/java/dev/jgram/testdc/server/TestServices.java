package dev.jgram.testdc.server;

import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.testdc.api.Answer;
import dev.jgram.testdc.api.ApiService;
import dev.jgram.testdc.api.CallContext;
import dev.jgram.testdc.api.DcAddress;
import dev.jgram.testdc.api.LoginEvent;
import dev.jgram.testdc.api.UpdatePush;
import java.util.function.Consumer;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small API service for the core's tests, in jgram's layer-198 subset: help.getConfig with the
 * cluster's addresses, auth.importBotAuthorization (binds the key to bot 42),
 * users.getUsers (401 before that), help.getNearestDc and updates.getState. Everything
 * else answers 400 METHOD_INVALID. It records each call's context and query.
 */
final class TestServices implements ApiService {
  static final long BOT_ID = 42;
  final List<CallContext> contexts = new CopyOnWriteArrayList<>();
  final List<TlObject> queries = new CopyOnWriteArrayList<>();
  private final Map<Long, Long> users = new ConcurrentHashMap<>();
  private final List<DcAddress> dcs;
  private final UpdatePush updates;
  private final Consumer<LoginEvent> logins;

  TestServices(List<DcAddress> dcs, UpdatePush updates) {
    this(dcs, updates, login -> { });
  }

  TestServices(List<DcAddress> dcs, UpdatePush updates, Consumer<LoginEvent> logins) {
    this.dcs = dcs;
    this.updates = updates;
    this.logins = logins;
  }

  /** Reports a bot login of {@code authKeyId} on DC {@code dc} as the services would. */
  void login(dev.jgram.testdc.TestCluster cluster, int dc, long authKeyId) {
    logins.accept(new LoginEvent(dc, authKeyId, BOT_ID, true));
  }

  /** Pushes an updateShort with updateDcOptions (an update without counters) to the user. */
  void pushTo(long userId) {
    updates.push(userId, TlObject.of("updateShort", "update",
        TlObject.of("updateDcOptions", "dc_options", List.of()), "date", 1_700_000_000));
  }

  @Override
  public Answer handle(CallContext context, TlObject query) {
    contexts.add(context);
    queries.add(query);
    return switch (query.name()) {
      case "help.getConfig" -> Answer.result(config(context.dcId()));
      case "help.getNearestDc" -> Answer.result(TlObject.of("nearestDc", "country", "ZZ",
          "this_dc", context.dcId(), "nearest_dc", context.dcId()));
      case "auth.importBotAuthorization" -> {
        users.put(context.effectiveAuthKeyId(), BOT_ID);
        yield Answer.result(TlObject.of("auth.authorization", "user", bot()));
      }
      case "users.getUsers" -> users.containsKey(context.effectiveAuthKeyId())
          ? Answer.result(TlObject.of("vector", "items", List.of(bot())))
          : Answer.error(401, "AUTH_KEY_UNREGISTERED");
      case "updates.getState" -> Answer.result(TlObject.of("updates.state", "pts", 1, "qts", 0,
          "date", 1_700_000_000, "seq", 0, "unread_count", 0));
      default -> Answer.error(400, "METHOD_INVALID");
    };
  }

  @Override
  public OptionalLong userOf(long authKeyId) {
    Long user = users.get(authKeyId);
    return user == null ? OptionalLong.empty() : OptionalLong.of(user);
  }

  static TlObject bot() {
    return TlObject.of("user", "self", true, "bot", true, "id", BOT_ID, "access_hash", 7L,
        "first_name", "Test bot 42", "username", "bot42_bot", "bot_info_version", 1);
  }

  private TlObject config(int thisDc) {
    List<Object> options = dcs.stream().map(dc -> (Object) TlObject.of("dcOption", "id",
        dc.id(), "ip_address", dc.host(), "port", dc.port())).toList();
    Map<String, Object> fields = new java.util.LinkedHashMap<>();
    fields.put("date", 1_700_000_000);
    fields.put("expires", 1_700_003_600);
    fields.put("test_mode", false);
    fields.put("this_dc", thisDc);
    fields.put("dc_options", options);
    fields.put("dc_txt_domain_name", "localhost");
    for (String name : List.of("chat_size_max", "megagroup_size_max", "forwarded_count_max",
        "online_update_period_ms", "offline_blur_timeout_ms", "offline_idle_timeout_ms",
        "online_cloud_timeout_ms", "notify_cloud_delay_ms", "notify_default_delay_ms",
        "push_chat_period_ms", "push_chat_limit", "edit_time_limit", "revoke_time_limit",
        "revoke_pm_time_limit", "rating_e_decay", "stickers_recent_limit",
        "channels_read_media_period", "call_receive_timeout_ms", "call_ring_timeout_ms",
        "call_connect_timeout_ms", "call_packet_timeout_ms", "caption_length_max",
        "message_length_max", "webfile_dc_id")) {
      fields.put(name, 1);
    }
    fields.put("me_url_prefix", "https://t.me/");
    return new TlObject("config", fields);
  }
}
