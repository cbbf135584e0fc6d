package dev.jgram.mtproto.tl;

import static dev.jgram.mtproto.Vectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One object for every layer: the field rule, the differences it covers, layer detection. */
class LayersTest {

  static TlObject user() {
    return TlObject.of("user", "self", true, "bot", true, "id", 4242L, "access_hash", 77L,
        "first_name", "Test Bot", "username", "test_bot", "bot_info_version", 1,
        "color", TlObject.of("peerColor", "color", 3),
        "send_paid_messages_stars", 5L);
  }

  @ParameterizedTest
  @ValueSource(ints = {158, 198, 227})
  void oneUserObjectEncodesAtEveryLayerWithThatLayersId(int layer) {
    TlCodec codec = TlCodec.forLayer(layer);
    byte[] bytes = codec.encode(user());
    int id = new TlReader(bytes).readInt();
    assertThat(String.format("%08x", id))
        .isEqualTo(Map.of(158, "8f97c628", 198, "4b46c37e", 227, "31774388").get(layer));
    TlObject back = codec.decode(bytes);
    assertThat(back.string("username")).isEqualTo("test_bot");
    assertThat(back.flag("bot")).isTrue();
    assertThat(back.has("color")).isEqualTo(layer >= 198);
    assertThat(back.has("send_paid_messages_stars")).isEqualTo(layer >= 227);
  }

  @ParameterizedTest
  @ValueSource(ints = {158, 198, 227})
  void aMisspelledFieldIsAnErrorAtEveryLayerNeverDropped(int layer) {
    TlObject typo = TlObject.of("user", "id", 1L, "frist_name", "A");
    assertThatThrownBy(() -> TlCodec.forLayer(layer).encode(typo))
        .isInstanceOf(TlException.class)
        .hasMessageStartingWith("user has no field 'frist_name' at layer " + layer
            + "; its fields are [flags, self, contact");
  }

  @Test
  void schemasLoadedFromTextAreStrictAboutFieldsOfOtherLayers() {
    TlSchema official158 = TlSchema.withApi(TlSchemaTest.vector("official-api-layer158.tl"));
    TlObject user = TlObject.of("user", "id", 1L, "color", TlObject.of("peerColor"));
    assertThatThrownBy(() -> new TlCodec(official158).encode(user))
        .hasMessageStartingWith("user has no field 'color' at layer 158");
    assertThat(TlCodec.forLayer(158).decode(TlCodec.forLayer(158).encode(user)).has("color"))
        .isFalse();
  }

  @Test
  void aFieldWhoseTypeChangedBetweenLayersMustBeSetPerLayer() {
    TlObject user = TlObject.of("user", "id", 1L, "stories_max_id", 9);
    assertThat(TlCodec.forLayer(198).decode(TlCodec.forLayer(198).encode(user))
        .intValue("stories_max_id")).isEqualTo(9);
    assertThatThrownBy(() -> TlCodec.forLayer(227).encode(user))
        .isInstanceOf(TlException.class)
        .hasMessage("user.stories_max_id expects RecentStory but got Integer (layer 227)");
    TlObject at227 = user.with("stories_max_id", TlObject.of("recentStory", "max_id", 9));
    assertThat(TlCodec.forLayer(227).decode(TlCodec.forLayer(227).encode(at227))
        .object("stories_max_id").intValue("max_id")).isEqualTo(9);
    assertThat(at227.with("stories_max_id", null).has("stories_max_id")).isFalse();
    assertThat(user.intValue("stories_max_id")).isEqualTo(9);
  }

  @Test
  void aRequiredFieldOfOneLayerIsStillRequiredThere() {
    TlObject messages = TlObject.of("messages.messages", "messages", List.of(),
        "chats", List.of(), "users", List.of());
    assertThat(TlCodec.forLayer(198).encode(messages)).hasSize(28);
    assertThatThrownBy(() -> TlCodec.forLayer(227).encode(messages))
        .hasMessage("messages.messages needs field 'topics' of type Vector<ForumTopic> at"
            + " layer 227");
    TlObject withTopics = TlObject.of("messages.messages", "messages", List.of(),
        "topics", List.of(), "chats", List.of(), "users", List.of());
    assertThat(TlCodec.forLayer(198).encode(withTopics))
        .isEqualTo(TlCodec.forLayer(198).encode(messages));
    assertThat(TlCodec.forLayer(227).encode(withTopics)).hasSize(36);
  }

  @Test
  void configWithEveryRequiredFieldEncodesToTheSameBytesAtEveryLayer() {
    TlObject config = config();
    byte[] at198 = TlCodec.forLayer(198).encode(config);
    assertThat(TlCodec.forLayer(158).encode(config)).isEqualTo(at198);
    assertThat(TlCodec.forLayer(227).encode(config)).isEqualTo(at198);
    TlObject back = TlCodec.forLayer(227).decode(at198);
    assertThat(back.<TlObject>list("dc_options")).hasSize(2);
    assertThat(back.intValue("this_dc")).isEqualTo(2);
  }

  static TlObject config() {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (TlParam p : TlSchema.forLayer(198).byName("config").orElseThrow().params()) {
      if (!p.isConditional() && !p.isFlags()) {
        fields.put(p.name(), switch (p.type().name()) {
          case "int" -> 1;
          case "string" -> "x";
          case "Bool" -> false;
          default -> null;
        });
      }
    }
    fields.put("this_dc", 2);
    fields.put("dc_options", List.of(dcOption(1, 10443), dcOption(2, 10444)));
    fields.put("tmp_sessions", 3);
    return new TlObject("config", fields);
  }

  private static TlObject dcOption(int id, int port) {
    return TlObject.of("dcOption", "id", id, "ip_address", "127.0.0.1", "port", port);
  }

  @Test
  void requiredFieldsOfTheLoginPathObjectsAreTheSameAtEveryShippedLayer() {
    List<String> differing = new ArrayList<>();
    for (TlCombinator c : TlSchema.forLayer(198).combinators()) {
      List<List<String>> required = new ArrayList<>();
      for (int layer : Layers.shipped()) {
        TlSchema.forLayer(layer).byName(c.name()).ifPresent(at -> required.add(
            at.params().stream().filter(p -> !p.isConditional() && !p.isFlags())
                .map(p -> p.name() + ":" + p.type()).toList()));
      }
      if (required.size() == 3 && required.stream().distinct().count() > 1) {
        differing.add(c.name());
      }
    }
    // the constructors Layers' Javadoc lists as differing in their required fields
    assertThat(differing).containsExactlyInAnyOrder("dialog", "documentAttributeVideo",
        "forumTopic", "keyboardButtonRequestPeer", "messageReplyHeader", "messages.messages",
        "messages.messagesSlice");
  }

  @Test
  void fieldsOfUserUserFullChannelAndConfigThatDifferBetweenLayersArePinned() {
    assertThat(differences("config")).isEmpty();
    assertThat(differences("user")).containsExactly(
        "bot_active_users: - | flags2.12?int | flags2.12?int",
        "bot_verification_icon: - | flags2.14?long | flags2.14?long",
        "color: - | flags2.8?PeerColor | flags2.8?PeerColor",
        "profile_color: - | flags2.9?PeerColor | flags2.9?PeerColor",
        "send_paid_messages_stars: - | - | flags2.15?long",
        "stories_max_id: - | flags2.5?int | flags2.5?RecentStory");
    assertThat(differences("channel")).containsExactly(
        "bot_verification_icon: - | flags2.13?long | flags2.13?long",
        "color: - | flags2.7?PeerColor | flags2.7?PeerColor",
        "emoji_status: - | flags2.9?EmojiStatus | flags2.9?EmojiStatus",
        "level: - | flags2.10?int | flags2.10?int",
        "linked_monoforum_id: - | - | flags2.18?long",
        "profile_color: - | flags2.8?PeerColor | flags2.8?PeerColor",
        "send_paid_messages_stars: - | - | flags2.14?long",
        "stories_max_id: - | flags2.4?int | flags2.4?RecentStory",
        "subscription_until_date: - | flags2.11?int | flags2.11?int");
    assertThat(differences("userFull")).contains(
        "flags2: - | # | #",
        "premium_gifts: flags.19?Vector<PremiumGiftOption> | flags.19?Vector<PremiumGiftOption>"
            + " | -",
        "theme: - | - | flags.15?ChatTheme",
        "theme_emoticon: flags.15?string | flags.15?string | -",
        "birthday: - | flags2.5?Birthday | flags2.5?Birthday")
        .hasSize(25);
  }

  /** Non-{@code true} fields whose declaration differs, as "name: 158 | 198 | 227". */
  private static List<String> differences(String constructor) {
    Map<String, String[]> byField = new java.util.TreeMap<>();
    List<Integer> layers = Layers.shipped();
    for (int i = 0; i < layers.size(); i++) {
      TlCombinator c = TlSchema.forLayer(layers.get(i)).byName(constructor).orElseThrow();
      for (TlParam p : c.params()) {
        if (!p.isFlagOnly()) {
          String[] row = byField.computeIfAbsent(p.name(), k -> new String[] {"-", "-", "-"});
          row[i] = p.isConditional() ? p.flagField() + "." + p.flagBit() + "?" + p.type()
              : p.type().toString();
        }
      }
    }
    List<String> out = new ArrayList<>();
    byField.forEach((name, row) -> {
      if (Arrays.stream(row).distinct().count() > 1) {
        out.add(name + ": " + String.join(" | ", row));
      }
    });
    return out;
  }

  @Test
  void theAnnouncedLayerIsReadThroughTheWrappers() {
    TlCodec codec = TlCodec.forLayer(227);
    TlObject init = initConnection(TlObject.of("help.getConfig"));
    byte[] plain = codec.encode(TlObject.of("invokeWithLayer", "layer", 227, "query", init));
    assertThat(Layers.announced(plain)).isEqualTo(OptionalInt.of(227));
    TlObject wrapped = TlObject.of("invokeAfterMsgs", "msg_ids", List.of(1L, 2L), "query",
        TlObject.of("invokeWithoutUpdates", "query",
            TlObject.of("invokeWithLayer", "layer", 158, "query", init)));
    assertThat(Layers.announced(codec.encode(wrapped))).isEqualTo(OptionalInt.of(158));
    TlObject after = TlObject.of("invokeAfterMsg", "msg_id", 9L, "query",
        TlObject.of("invokeWithLayer", "layer", 200, "query", init));
    assertThat(Layers.announced(codec.encode(after))).isEqualTo(OptionalInt.of(200));
    assertThat(Layers.announced(codec.encode(TlObject.of("updates.getState")))).isEmpty();
    assertThat(Layers.announced(hex("0d0d9bda"))).isEmpty();
    assertThat(Layers.announced(new byte[0])).isEmpty();
  }

  static TlObject initConnection(TlObject query) {
    return TlObject.of("initConnection", "api_id", 6, "device_model", "test",
        "system_version", "17", "app_version", "0.1", "system_lang_code", "en",
        "lang_pack", "", "lang_code", "en", "query", query);
  }

  @Test
  void aServerDecodesAQueryInTheLayerItAnnounces() {
    // a layer-158 client: contacts.resolveUsername#f93ccba3 has no flags and no referer
    TlObject resolve = TlObject.of("contacts.resolveUsername", "username", "durov",
        "referer", "ignored at 158");
    byte[] query = TlCodec.forLayer(158).encode(TlObject.of("invokeWithLayer", "layer", 158,
        "query", initConnection(resolve)));
    assertThatThrownBy(() -> TlCodec.forLayer(198).decode(query))
        .hasMessageStartingWith("unknown constructor id f93ccba3");
    TlObject decoded = TlCodec.forLayer(Layers.announced(query).orElseThrow()).decode(query);
    TlObject inner = decoded.object("query").object("query");
    assertThat(inner.name()).isEqualTo("contacts.resolveUsername");
    assertThat(inner.fields()).containsOnlyKeys("username").containsEntry("username", "durov");
  }

  @ParameterizedTest
  @ValueSource(ints = {158, 198, 227})
  void genericWrappersNestAndRoundTripAtEveryLayer(int layer) {
    TlCodec codec = TlCodec.forLayer(layer);
    TlObject getUsers = TlObject.of("users.getUsers", "id", List.of(TlObject.of("inputUserSelf")));
    TlObject call = TlObject.of("invokeAfterMsg", "msg_id", 5L, "query",
        TlObject.of("invokeWithoutUpdates", "query", TlObject.of("invokeWithLayer", "layer",
            layer, "query", initConnection(getUsers))));
    byte[] bytes = codec.encode(call);
    TlObject back = codec.decode(bytes);
    assertThat(back.object("query").object("query").object("query").object("query").name())
        .isEqualTo("users.getUsers");
    assertThat(codec.encode(back)).isEqualTo(bytes);
  }

  @ParameterizedTest
  @ValueSource(ints = {158, 198, 227})
  void aResultIsEncodedAsItsFunctionsResultType(int layer) {
    TlCodec codec = TlCodec.forLayer(layer);
    byte[] users = codec.encodeResult("users.getUsers", List.of(user()));
    assertThat(hex(Arrays.copyOf(users, 8))).isEqualTo("15c4b51c01000000");
    assertThat(codec.decode(users, "Vector<User>")).asList().hasSize(1);
    assertThat(codec.encodeResult("auth.logOut", TlObject.of("auth.loggedOut")))
        .isEqualTo(codec.encode(TlObject.of("auth.loggedOut")));
    assertThat(hex(codec.encodeResult("auth.cancelCode", true))).isEqualTo("b5757299");
    assertThatThrownBy(() -> codec.encodeResult("auth.logOut", user()))
        .hasMessage("expected a auth.LoggedOut but got user of type User");
    assertThatThrownBy(() -> codec.encodeResult("user", user()))
        .hasMessage("no function 'user' at layer " + layer);
  }

  @Test
  void decodingAConstructorOutsideTheSubsetNamesItsId() {
    TlSchema official = TlSchema.withApi(TlSchemaTest.vector("official-api-layer198.tl"));
    TlObject outside = TlObject.of("updateLangPackTooLong", "lang_code", "en");
    byte[] bytes = new TlCodec(official).encode(TlObject.of("updateShort", "update", outside,
        "date", 4));
    assertThatThrownBy(() -> TlCodec.forLayer(198).decode(bytes))
        .isInstanceOf(TlException.class)
        .hasMessage("unknown constructor id " + official.byName("updateLangPackTooLong").orElseThrow()
            .idHex() + " at offset 4 (schema layer 198)");
  }
}
