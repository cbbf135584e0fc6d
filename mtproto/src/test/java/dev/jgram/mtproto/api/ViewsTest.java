package dev.jgram.mtproto.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgram.mtproto.tl.TlCodec;
import dev.jgram.mtproto.tl.TlObject;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Views read objects after a trip through the binary codec. */
class ViewsTest {
  private static final TlCodec CODEC = TlCodec.jgram();

  private static TlObject wire(TlObject object) {
    return CODEC.decode(CODEC.encode(object));
  }

  @Test
  void userReadsItsNamesFlagsAndUsernames() {
    TlObject user = TlObject.of("user", "self", true, "id", 777L, "access_hash", -5L,
        "first_name", "Ann", "username", "ann", "phone", "15550001",
        "usernames", List.of(TlObject.of("username", "active", true, "username", "ann2"),
            TlObject.of("username", "username", "old")));
    User view = User.from(wire(user));
    assertThat(view).isEqualTo(new User(777L, -5L, "Ann", null, List.of("ann", "ann2"),
        "15550001", false, true, false));
  }

  @Test
  void userEmptyHasOnlyAnId() {
    assertThat(User.from(wire(TlObject.of("userEmpty", "id", 3L))))
        .isEqualTo(new User(3L, null, null, null, List.of(), null, false, false, false));
  }

  @Test
  void channelReadsAsASupergroupWithItsAccessHash() {
    TlObject channel = TlObject.of("channel", "megagroup", true, "id", 10L, "access_hash", 11L,
        "title", "T", "username", "grp",
        "photo", TlObject.of("chatPhotoEmpty"), "date", 1);
    assertThat(Chat.from(wire(channel)))
        .isEqualTo(new Chat(10L, 11L, "T", "grp", true, true, false));
  }

  @Test
  void configListsItsDcOptions() {
    TlObject option = TlObject.of("dcOption", "ipv6", true, "id", 2,
        "ip_address", "2001:67c:4e8:f002::a", "port", 443);
    TlObject config = TlObject.of("config", "date", 100, "expires", 200, "test_mode", false,
        "this_dc", 2, "dc_options", List.of(option), "dc_txt_domain_name", "x",
        "chat_size_max", 0, "megagroup_size_max", 0, "forwarded_count_max", 0,
        "online_update_period_ms", 0, "offline_blur_timeout_ms", 0,
        "offline_idle_timeout_ms", 0, "online_cloud_timeout_ms", 0,
        "notify_cloud_delay_ms", 0, "notify_default_delay_ms", 0, "push_chat_period_ms", 0,
        "push_chat_limit", 0, "edit_time_limit", 0, "revoke_time_limit", 0,
        "revoke_pm_time_limit", 0, "rating_e_decay", 0, "stickers_recent_limit", 0,
        "channels_read_media_period", 0, "call_receive_timeout_ms", 0,
        "call_ring_timeout_ms", 0, "call_connect_timeout_ms", 0, "call_packet_timeout_ms", 0,
        "me_url_prefix", "https://t.me/", "caption_length_max", 0, "message_length_max", 0,
        "webfile_dc_id", 4);
    Config view = Config.from(wire(config));
    assertThat(view.thisDc()).isEqualTo(2);
    assertThat(view.dcOptions()).singleElement().satisfies(o -> {
      assertThat(o.ipv6()).isTrue();
      assertThat(o.ipAddress()).isEqualTo("2001:67c:4e8:f002::a");
      assertThat(o.secret()).isNull();
    });
  }

  @Test
  void rpcErrorKnowsFloodWaitAndMigration() {
    RpcError flood = RpcError.from(wire(TlObject.of("rpc_error", "error_code", 420,
        "error_message", "FLOOD_WAIT_31")));
    assertThat(flood.floodWaitSeconds()).isEqualTo(OptionalInt.of(31));
    assertThat(flood.migrateToDc()).isEmpty();
    assertThat(new RpcError(303, "USER_MIGRATE_4").migrateToDc()).isEqualTo(OptionalInt.of(4));
  }

  @Test
  void updatesStateReadsItsCounters() {
    TlObject state = TlObject.of("updates.state", "pts", 1, "qts", 2, "date", 3, "seq", 4,
        "unread_count", 5);
    assertThat(UpdatesState.from(wire(state))).isEqualTo(new UpdatesState(1, 2, 3, 4, 5));
  }

  @Test
  void viewOfTheWrongConstructorIsRefused() {
    assertThatThrownBy(() -> User.from(TlObject.of("userStatusEmpty")))
        .hasMessage("expected user or userEmpty; got userStatusEmpty");
  }
}
