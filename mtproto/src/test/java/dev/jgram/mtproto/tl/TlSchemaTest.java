package dev.jgram.mtproto.tl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TlSchemaTest {

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
      "req_pq_multi, be7e8ef1", "users.getUsers, 0d91a548", "resPQ, 05162463",
      "p_q_inner_data, 83c95aec", "p_q_inner_data_dc, a9f55f95", "server_DH_params_ok, d0e8075c",
      "server_DH_inner_data, b5890dba", "client_DH_inner_data, 6643b654",
      "set_client_DH_params, f5045f1f", "req_DH_params, d712e4be", "dh_gen_ok, 3bcbf734",
      "rpc_result, f35c6d01", "gzip_packed, 3072cfa1", "rpc_error, 2144ca19",
      "boolTrue, 997275b5", "boolFalse, bc799737", "invokeWithLayer, da9b0d0d",
      "initConnection, c1cd5ea9", "help.getConfig, c4f9186b", "msgs_ack, 62d6b459",
      "pong, 347773c5", "new_session_created, 9ec20908", "bad_server_salt, edab447b",
      "inputPeerUser, dde8a54c", "inputUserSelf, f7c1b13f", "updates.getState, edd4882a"})
  void shippedSchemaHoldsKnownConstructorIds(String name, String id) {
    assertThat(TlSchema.jgram().byName(name)).get()
        .extracting(TlCombinator::idHex).isEqualTo(id);
  }

  @Test
  void shippedSchemaDeclaresLayer198AndTheApiSubset() {
    TlSchema schema = TlSchema.jgram();
    assertThat(schema.layer()).isEqualTo(198);
    assertThat(schema.constructorsOf("User")).extracting(TlCombinator::name)
        .containsExactly("userEmpty", "user");
    assertThat(schema.constructorsOf("Chat")).extracting(TlCombinator::name)
        .contains("chat", "channel", "chatForbidden", "channelForbidden");
    assertThat(schema.constructorsOf("InputPeer")).hasSize(7);
    assertThat(schema.byName("contacts.resolveUsername")).get()
        .extracting(TlCombinator::function).isEqualTo(true);
  }

  @Test
  void everyShippedIdEqualsTheCrc32OfItsDeclaration() {
    // TlSchema.parse refuses mismatches; recompute here independently as well
    for (String resource : new String[] {"mtproto.tl", "api-158.tl", "api-198.tl",
        "api-227.tl"}) {
      String text = TlSchema.resource("/dev/jgram/mtproto/tl/" + resource);
      int checked = 0;
      for (String line : text.split("\n")) {
        int hash = line.indexOf('#');
        if (line.startsWith("//") || hash < 0 || line.contains("# [")) {
          continue;
        }
        int space = line.indexOf(' ', hash);
        String declaration = line.substring(0, hash)
            + (space < 0 ? line.substring(line.indexOf(' ', hash)) : line.substring(space));
        declaration = declaration.substring(0, declaration.lastIndexOf(';'));
        String declared = line.substring(hash + 1, space < 0 ? line.indexOf(' ') : space);
        assertThat(String.format("%08x", ConstructorIds.compute(declaration)))
            .as(line).isEqualTo(String.format("%08x", Integer.parseUnsignedInt(declared, 16)));
        checked++;
      }
      assertThat(checked).isGreaterThan(resource.startsWith("api") ? 250 : 40);
    }
  }

  @Test
  void completeOfficialLayer198LoadsWithEveryIdVerified() {
    TlSchema schema = TlSchema.withApi(vector("official-api-layer198.tl"));
    assertThat(schema.layer()).isEqualTo(198);
    assertThat(schema.combinators()).hasSizeGreaterThan(2000);
    assertThat(schema.byName("messages.sendMessage")).isPresent();
    assertThat(schema.byName("req_pq_multi")).isPresent();
  }

  @Test
  void officialMtprotoSchemaIsRefusedForItsThreeKnownIdQuirks() {
    assertThatThrownBy(() -> TlSchema.parse(vector("official-mtproto.tl")))
        .isInstanceOf(TlException.class)
        .hasMessageStartingWith("schema has 3 constructor id(s) that differ from the CRC32")
        .hasMessageContaining("ipPortSecret#37982646")
        .hasMessageContaining("accessPointRule#4679b65f")
        .hasMessageContaining("help.configSimple#5a592a6c");
  }

  @Test
  void typoInADeclarationIsCaughtByTheIdCheck() {
    String text = "inputPeerUser#dde8a54c user_id:long acess_hash:long = InputPeer;";
    assertThatThrownBy(() -> TlSchema.parse(text))
        .hasMessage("schema has 1 constructor id(s) that differ from the CRC32 of their"
            + " declaration: inputPeerUser#dde8a54c (line 1: CRC32 of the declaration is "
            + String.format("%08x", ConstructorIds.compute(
                "inputPeerUser user_id:long acess_hash:long = InputPeer")) + ")");
  }

  @Test
  void declarationWithoutIdGetsItsCrc32() {
    TlSchema schema = TlSchema.parse("req_pq_multi nonce:int128 = ResPQ;");
    assertThat(schema.byName("req_pq_multi")).get().extracting(TlCombinator::idHex)
        .isEqualTo("be7e8ef1");
  }

  @Test
  void normalisationDropsTrueFlagsAndRewritesBytesAndBrackets() {
    assertThat(ConstructorIds.normalize("a flags:# b:flags.0?true c:Vector<bytes> d:bytes = A"))
        .isEqualTo("a flags:# c:Vector bytes d:string = A");
    assertThat(ConstructorIds.normalize("invokeWithLayer {X:Type} layer:int query:!X = X"))
        .isEqualTo("invokeWithLayer X:Type layer:int query:!X = X");
  }

  @Test
  void malformedLineNamesItsNumber() {
    assertThatThrownBy(() -> TlSchema.parse("// x\nthis is not tl"))
        .hasMessage("schema line 2 is not a TL declaration: this is not tl");
  }

  static String vector(String name) {
    try (InputStream in = TlSchemaTest.class.getResourceAsStream("/vectors/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
