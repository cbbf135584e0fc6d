package dev.jgram.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.mtproto.api.RpcError;
import org.junit.jupiter.api.Test;

class RpcExceptionTest {

  @Test
  void floodWaitsOfEveryKindCarryTheirSeconds() {
    for (String m : new String[] {"FLOOD_WAIT_17", "FLOOD_PREMIUM_WAIT_17", "SLOWMODE_WAIT_17",
        "FLOOD_TEST_PHONE_WAIT_17", "TAKEOUT_INIT_DELAY_17"}) {
      RpcException e = RpcException.of(new RpcError(420, m), "messages.sendMessage");
      assertThat(e).as(m).isInstanceOf(FloodWaitException.class);
      assertThat(((FloodWaitException) e).seconds()).isEqualTo(17);
      assertThat(e.floodWaitSeconds()).hasValue(17);
    }
  }

  @Test
  void migrationsCarryTheirDcAndOnlySomeMoveTheHome() {
    for (String m : new String[] {"USER_MIGRATE_4", "PHONE_MIGRATE_4", "NETWORK_MIGRATE_4"}) {
      RpcException e = RpcException.of(new RpcError(303, m), "auth.sendCode");
      assertThat(e.migrateDc()).hasValue(4);
      assertThat(e.movesHomeDc()).isTrue();
    }
    RpcException file = RpcException.of(new RpcError(303, "FILE_MIGRATE_5"), "upload.getFile");
    assertThat(file.migrateDc()).hasValue(5);
    assertThat(file.movesHomeDc()).isFalse();
  }

  @Test
  void otherErrorsAreTypedWithCodeMessageAndMethod() {
    RpcException e = RpcException.of(new RpcError(400, "ACCESS_TOKEN_INVALID"),
        "auth.importBotAuthorization");
    assertThat(e).isNotInstanceOf(FloodWaitException.class);
    assertThat(e.code()).isEqualTo(400);
    assertThat(e.errorMessage()).isEqualTo("ACCESS_TOKEN_INVALID");
    assertThat(e.method()).isEqualTo("auth.importBotAuthorization");
    assertThat(e.getMessage()).isEqualTo(
        "400 ACCESS_TOKEN_INVALID (caused by auth.importBotAuthorization)");
    assertThat(e.migrateDc()).isEmpty();
    assertThat(e.floodWaitSeconds()).isEmpty();
    assertThat(RpcException.of(new RpcError(400, "FLOOD_WAIT_3"), "x").floodWaitSeconds())
        .isEmpty();
  }
}
