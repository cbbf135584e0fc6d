package dev.jgram.testdc.services;

import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.testdc.api.DcAddress;
import java.util.ArrayList;
import java.util.List;

/** {@code help.getConfig} and {@code help.getNearestDc}: both work before login. */
final class HelpMethods {
  /** How long a config is valid, in seconds (Telegram's is about an hour). */
  static final int CONFIG_LIFETIME_SECONDS = 3600;

  private final Backend backend;

  HelpMethods(Backend backend) {
    this.backend = backend;
  }

  void register(Dispatcher dispatcher) {
    dispatcher.open("help.getConfig", this::getConfig);
    dispatcher.open("help.getNearestDc", this::getNearestDc);
  }

  private TlObject getNearestDc(Call call) {
    return TlObject.of("nearestDc", "country", "ZZ", "this_dc", call.dcId(),
        "nearest_dc", call.dcId());
  }

  /** Every DC of the cluster with its real address; the limits are Telegram's usual values. */
  private TlObject getConfig(Call call) {
    int now = backend.now();
    return TlObject.of("config",
        "date", now, "expires", now + CONFIG_LIFETIME_SECONDS,
        "test_mode", Boolean.FALSE, "this_dc", call.dcId(), "dc_options", dcOptions(),
        "dc_txt_domain_name", "", "chat_size_max", 200, "megagroup_size_max", 200_000,
        "forwarded_count_max", 100, "online_update_period_ms", 210_000,
        "offline_blur_timeout_ms", 5000, "offline_idle_timeout_ms", 30_000,
        "online_cloud_timeout_ms", 300_000, "notify_cloud_delay_ms", 30_000,
        "notify_default_delay_ms", 1500, "push_chat_period_ms", 60_000, "push_chat_limit", 2,
        "edit_time_limit", 172_800, "revoke_time_limit", Integer.MAX_VALUE,
        "revoke_pm_time_limit", Integer.MAX_VALUE, "rating_e_decay", 2_419_200,
        "stickers_recent_limit", 200, "channels_read_media_period", 604_800,
        "call_receive_timeout_ms", 20_000, "call_ring_timeout_ms", 90_000,
        "call_connect_timeout_ms", 30_000, "call_packet_timeout_ms", 10_000,
        "me_url_prefix", "https://t.me/", "caption_length_max", 1024,
        "message_length_max", 4096, "webfile_dc_id", call.dcId());
  }

  private List<TlObject> dcOptions() {
    List<TlObject> options = new ArrayList<>();
    for (DcAddress dc : backend.dcs) {
      options.add(TlObject.of("dcOption", "ipv6", dc.host().contains(":") ? Boolean.TRUE : null,
          "id", dc.id(), "ip_address", dc.host(), "port", dc.port()));
    }
    return options;
  }
}
