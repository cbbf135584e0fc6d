package dev.jgram.testdc.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.mtproto.tl.TlCodec;
import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.mtproto.tl.TlSchema;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Spec §10.3: the bot path's answers in each shipped layer, with that layer's constructor ids. */
class LayerEncodingTest {
  static final String TOKEN = "123456:layerSecret";

  final Cluster cluster = new Cluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  private static int constructorId(byte[] encoded) {
    return ByteBuffer.wrap(encoded).order(ByteOrder.LITTLE_ENDIAN).getInt();
  }

  @ParameterizedTest
  @CsvSource({"158, 8f97c628, 93eadb53", "198, 4b46c37e, 4d975bbc", "227, 31774388, 06cbe645"})
  void botLoginAnswersCarryTheUserOfEachLayer(int layer, String userId, String userFullId) {
    cluster.services.addBot(BotSpec.ofToken(TOKEN));
    TlCodec codec = new TlCodec(TlSchema.forLayer(layer));

    TlObject authorization = cluster.loginBot(1, 1L, TOKEN);
    TlObject user = authorization.object("user");
    TlObject full = cluster.result(1, 1L, Queries.getFullUser(Queries.self()));

    assertThat(constructorId(codec.encode(authorization))).isEqualTo(0x2ea2c0d4);
    assertThat(Integer.toHexString(constructorId(codec.encode(user))))
        .isEqualTo(userId.replaceFirst("^0+", ""));
    assertThat(Integer.toHexString(constructorId(codec.encode(full.object("full_user")))))
        .isEqualTo(userFullId.replaceFirst("^0+", ""));
    TlObject decoded = codec.decode(codec.encode(authorization)).object("user");
    assertThat(decoded.longValue("id")).isEqualTo(123456L);
    assertThat(decoded.flag("self")).isTrue();
    assertThat(decoded.flag("bot")).isTrue();
    assertThat(decoded.longValue("access_hash")).isEqualTo(user.longValue("access_hash"));
  }

  @Test
  void configIsTheSameConstructorAtEveryLayer() {
    TlObject config = cluster.result(2, 1L, TlObject.of("help.getConfig"));

    for (int layer : new int[] {158, 198, 227}) {
      TlCodec codec = new TlCodec(TlSchema.forLayer(layer));
      TlObject decoded = codec.decode(codec.encode(config));
      assertThat(constructorId(codec.encode(config))).isEqualTo(0xcc1a241e);
      assertThat(decoded.intValue("this_dc")).isEqualTo(2);
      assertThat(decoded.<TlObject>list("dc_options")).hasSize(3);
    }
  }
}
