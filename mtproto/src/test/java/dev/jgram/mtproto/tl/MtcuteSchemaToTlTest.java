package dev.jgram.mtproto.tl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The converter that printed layer 227 from mtcute's JSON, on entries copied from it. */
class MtcuteSchemaToTlTest {
  // six entries of @mtcute/core 0.30.3 tl/api-schema.json, comments and throws removed
  private static final String JSON = """
      {"l":227,"e":[
      {"kind":"class","name":"inputStickerSetThumbLegacy","id":230353641,\
      "type":"InputFileLocation","arguments":[{"name":"stickerset","type":"InputStickerSet"},\
      {"name":"volume_id","type":"long"},{"name":"local_id","type":"int"}]},
      {"kind":"class","name":"inputPeerUser","type":"InputPeer","id":3723011404,\
      "arguments":[{"name":"user_id","type":"int53"},{"name":"access_hash","type":"long"}]},
      {"kind":"class","name":"userProfilePhoto","type":"UserProfilePhoto","id":2194798342,\
      "arguments":[{"name":"flags","type":"#"},{"name":"has_video","type":"true",\
      "typeModifiers":{"predicate":"flags.0"}},{"name":"personal","type":"true",\
      "typeModifiers":{"predicate":"flags.2"}},{"name":"photo_id","type":"long"},\
      {"name":"stripped_thumb","type":"bytes","typeModifiers":{"predicate":"flags.1"}},\
      {"name":"dc_id","type":"int"}]},
      {"kind":"class","name":"mtcute.dummyUpdate","id":614906126,"type":"Update",\
      "arguments":[{"name":"pts","type":"int"},{"name":"pts_count","type":"int"},\
      {"name":"channel_id","type":"int53"}]},
      {"kind":"method","name":"invokeWithLayer","type":"X","id":3667594509,\
      "generics":[{"name":"X","type":"Type"}],"arguments":[{"name":"layer","type":"int"},\
      {"name":"query","type":"!X"}]},
      {"kind":"method","name":"users.getUsers","type":"User","typeModifiers":\
      {"isVector":true},"id":227648840,"arguments":[{"name":"id","type":"InputUser",\
      "typeModifiers":{"isVector":true}}]}
      ]}
      """;

  @Test
  void entriesPrintAsTheOfficialDeclarations() {
    assertThat(MtcuteSchemaToTl.convert(JSON)).isEqualTo("""
        // Left out, not hashing to their ids: inputStickerSetThumbLegacy#dbaeae9
        // LAYER 227
        """ + MtcuteSchemaToTl.BUILT_INS + """
        inputPeerUser#dde8a54c user_id:long access_hash:long = InputPeer;
        userProfilePhoto#82d1f706 flags:# has_video:flags.0?true personal:flags.2?true \
        photo_id:long stripped_thumb:flags.1?bytes dc_id:int = UserProfilePhoto;
        ---functions---
        invokeWithLayer#da9b0d0d {X:Type} layer:int query:!X = X;
        users.getUsers#d91a548 id:Vector<InputUser> = Vector<User>;
        """);
  }

  @Test
  void printedDeclarationsLoadWithTheirIdsVerified() {
    TlSchema schema = TlSchema.parse(MtcuteSchemaToTl.convert(JSON));
    assertThat(schema.layer()).isEqualTo(227);
    assertThat(schema.byName("users.getUsers")).get().extracting(TlCombinator::idHex)
        .isEqualTo("0d91a548");
    assertThat(schema.byName("mtcute.dummyUpdate")).isEmpty();
  }

  @Test
  void shippedLayer227HoldsTheDeclarationsOfTheSnippet() {
    String official = TlSchemaTest.vector("official-api-layer227.tl");
    assertThat(official).contains("\ninputPeerUser#dde8a54c user_id:long access_hash:long"
        + " = InputPeer;\n", "\nusers.getUsers#d91a548 id:Vector<InputUser> = Vector<User>;\n");
    assertThat(official.lines().filter(line -> !line.startsWith("//")))
        .noneMatch(line -> line.startsWith("mtcute.") || line.contains("Legacy#"));
  }

  @Test
  void jsonReaderHandlesEscapesNumbersAndLiterals() {
    Object value = Json.parse(" {\"a\": [1, -2.5e1, true, false, null], \"b\": \"x\\\"\\u00fc\\n\"} ");
    assertThat(value).isEqualTo(Map.of("a", java.util.Arrays.asList(1L, -25.0, true, false,
        null), "b", "x\"ü\n"));
    assertThat(Json.parse("[]")).isEqualTo(List.of());
    assertThatThrownBy(() -> Json.parse("{\"a\" 1}"))
        .hasMessage("JSON: expected ':' at offset 5");
    assertThatThrownBy(() -> Json.parse("[1] x")).hasMessage("JSON: expected trailing"
        + " characters at offset 4");
  }
}
