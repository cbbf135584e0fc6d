package dev.jgram.mtproto.tl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The per-layer API subsets jgram ships: where they come from and what they hold. */
class ShippedLayersTest {
  private static final Set<String> PRIMITIVES = Set.of("int", "long", "double", "int128",
      "int256", "bytes", "string", "Bool", "true", "#", "X", "Object");

  @Test
  void shippedLayersAre158And198And227() {
    assertThat(Layers.shipped()).containsExactly(158, 198, 227);
    assertThat(Layers.JGRAM).isEqualTo(198);
  }

  @ParameterizedTest
  @ValueSource(ints = {158, 198, 227})
  void shippedSubsetIsExactlyWhatTheToolPrintsFromTheOfficialSchema(int layer) {
    String official = TlSchemaTest.vector("official-api-layer" + layer + ".tl");
    String shipped = TlSchema.resource("/dev/jgram/mtproto/tl/api-" + layer + ".tl");
    assertThat(shipped).isEqualTo(ApiSubset.print(official));
  }

  @ParameterizedTest
  @ValueSource(ints = {158, 198, 227})
  void everyShippedDeclarationIsALineOfTheOfficialSchema(int layer) {
    Set<String> official = TlSchemaTest.vector("official-api-layer" + layer + ".tl")
        .lines().map(String::strip).collect(Collectors.toSet());
    List<String> declarations = TlSchema.resource("/dev/jgram/mtproto/tl/api-" + layer + ".tl")
        .lines().filter(line -> ApiSubset.declaredName(line) != null).toList();
    assertThat(declarations).hasSizeGreaterThan(250);
    assertThat(official).containsAll(declarations);
  }

  @ParameterizedTest
  @ValueSource(ints = {158, 198, 227})
  void eachShippedLayerLoadsAsItsOwnLayerWithTheServiceSchema(int layer) {
    TlSchema schema = TlSchema.forLayer(layer);
    assertThat(schema.layer()).isEqualTo(layer);
    assertThat(schema.byName("req_pq_multi")).isPresent();
    assertThat(schema.byName("rpc_result")).isPresent();
    assertThat(schema.constructorsOf("Bool")).extracting(TlCombinator::name)
        .containsExactly("boolFalse", "boolTrue");
  }

  @ParameterizedTest(name = "layer {0}: {1}#{2}")
  @CsvSource({
      "158, user, 8f97c628", "198, user, 4b46c37e", "227, user, 31774388",
      "158, userFull, 93eadb53", "198, userFull, 4d975bbc", "227, userFull, 06cbe645",
      "158, channel, 83259464", "198, channel, e00998b7", "227, channel, 1c32b11c",
      "158, config, cc1a241e", "198, config, cc1a241e", "227, config, cc1a241e",
      "158, dcOption, 18b7a10d", "198, dcOption, 18b7a10d", "227, dcOption, 18b7a10d",
      "158, auth.authorization, 2ea2c0d4", "198, auth.authorization, 2ea2c0d4",
      "227, auth.authorization, 2ea2c0d4",
      "158, users.userFull, 3b6d152e", "198, users.userFull, 3b6d152e",
      "227, users.userFull, 3b6d152e",
      "158, contacts.resolveUsername, f93ccba3", "198, contacts.resolveUsername, 725afbbc",
      "227, contacts.resolveUsername, 725afbbc",
      "158, auth.signUp, 80eee427", "198, auth.signUp, aac7b717", "227, auth.signUp, aac7b717",
      "158, invokeWithLayer, da9b0d0d", "227, invokeWithLayer, da9b0d0d",
      "158, initConnection, c1cd5ea9", "227, initConnection, c1cd5ea9",
      "158, users.getUsers, 0d91a548", "227, users.getUsers, 0d91a548",
      "158, message, 38116ee0", "198, message, 96fdbbe9", "227, message, 7600b9d3",
      "158, messageService, 2b085862", "198, messageService, d3d28540",
      "227, messageService, 7a800e0a",
      "158, peerSettings, a518110d", "198, peerSettings, acd66c5e",
      "227, peerSettings, f47741f7",
      "158, peerNotifySettings, a83b0426", "198, peerNotifySettings, 99622c0c",
      "227, peerNotifySettings, 99622c0c",
      "158, messages.messages, 8c718e87", "198, messages.messages, 8c718e87",
      "227, messages.messages, 1d73e7ea",
      "198, messages.messagesSlice, 3a54685e", "227, messages.messagesSlice, 5f206716",
      "158, userStatusRecently, e26f42f1", "198, userStatusRecently, 7b197dc8",
      "198, updateReadHistoryInbox, 9c974fdf", "227, updateReadHistoryInbox, 9e84bc99",
      "158, updates.difference, 00f49ca0", "227, updates.difference, 00f49ca0",
      "158, auth.sentCode, 5e002502", "227, auth.sentCode, 5e002502",
      "158, account.password, 957b50fb", "227, account.password, 957b50fb",
      "158, nearestDc, 8e1a1775", "227, nearestDc, 8e1a1775",
      "158, updates.state, a56c2a3e", "227, updates.state, a56c2a3e"})
  void constructorIdsOfTheLoginPathArePinnedPerLayer(int layer, String name, String id) {
    assertThat(TlSchema.forLayer(layer).byName(name)).get()
        .extracting(TlCombinator::idHex).isEqualTo(id);
  }

  @ParameterizedTest
  @ValueSource(ints = {158, 198, 227})
  void everyMethodTheNextIssuesUseExistsWithAResolvableResultType(int layer) {
    TlSchema schema = TlSchema.forLayer(layer);
    for (String name : List.of("auth.sendCode", "auth.signIn", "auth.signUp",
        "auth.checkPassword", "auth.importBotAuthorization", "auth.exportAuthorization",
        "auth.importAuthorization", "auth.logOut", "auth.bindTempAuthKey",
        "account.getPassword", "help.getConfig", "help.getNearestDc", "users.getUsers",
        "users.getFullUser", "contacts.resolveUsername", "updates.getState",
        "updates.getDifference", "updates.getChannelDifference", "messages.sendMessage",
        "messages.getHistory", "invokeWithLayer", "initConnection", "invokeWithoutUpdates",
        "invokeAfterMsg", "invokeAfterMsgs")) {
      TlCombinator method = schema.byName(name).orElseThrow(() ->
          new AssertionError(name + " is missing at layer " + layer));
      assertThat(method.function()).as(name).isTrue();
      TlType result = method.resultType().isVector() ? method.resultType().element()
          : method.resultType();
      assertThat(PRIMITIVES.contains(result.name())
          || !schema.constructorsOf(result.name()).isEmpty())
          .as(name + " returns " + method.resultType() + ", which has constructors").isTrue();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {158, 198, 227})
  void everyTypeAShippedCombinatorReferencesHasAConstructor(int layer) {
    TlSchema schema = TlSchema.forLayer(layer);
    List<String> unresolved = new ArrayList<>();
    for (TlCombinator c : schema.combinators()) {
      for (TlParam p : c.params()) {
        TlType type = p.type().isVector() ? p.type().element() : p.type();
        boolean resolved = PRIMITIVES.contains(type.name())
            || (type.bare() ? schema.byName(type.name()).isPresent()
                : !schema.constructorsOf(type.name()).isEmpty());
        if (!resolved) {
          unresolved.add(c.name() + "." + p.name() + ":" + p.type());
        }
      }
    }
    assertThat(unresolved).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {158, 198, 227})
  void theLimitedTypesHoldOnlyTheirNamedConstructors(int layer) {
    TlSchema schema = TlSchema.forLayer(layer);
    ApiSubset.LIMITED.forEach((type, names) ->
        assertThat(schema.constructorsOf(type)).extracting(TlCombinator::name)
            .isNotEmpty().allMatch(names::contains));
    assertThat(schema.constructorsOf("Updates")).extracting(TlCombinator::name)
        .containsExactlyInAnyOrder("updatesTooLong", "updateShortMessage",
            "updateShortChatMessage", "updateShort", "updatesCombined", "updates",
            "updateShortSentMessage");
  }

  @ParameterizedTest(name = "layer {0} is answered in {1}")
  @CsvSource({"158, 158", "159, 158", "197, 158", "198, 198", "200, 198", "226, 198",
      "227, 227", "228, 227", "999, 227"})
  void aLayerIsAnsweredWithTheNewestShippedSchemaNotAboveIt(int asked, int answered) {
    assertThat(Layers.resolve(asked)).isEqualTo(answered);
    assertThat(TlSchema.forLayer(asked).layer()).isEqualTo(answered);
    assertThat(TlCodec.forLayer(asked).schema()).isSameAs(TlSchema.forLayer(answered));
  }

  @Test
  void aLayerBelowTheOldestShippedOneIsATypedErrorNamingTheShippedLayers() {
    assertThatThrownBy(() -> TlSchema.forLayer(157))
        .isInstanceOf(UnsupportedLayerException.class)
        .hasMessage("layer 157 is older than every API layer jgram ships [158, 198, 227];"
            + " expected a layer of at least 158")
        .satisfies(e -> {
          UnsupportedLayerException u = (UnsupportedLayerException) e;
          assertThat(u.layer()).isEqualTo(157);
          assertThat(u.shipped()).containsExactly(158, 198, 227);
        });
    assertThatThrownBy(() -> TlCodec.forLayer(0)).isInstanceOf(UnsupportedLayerException.class);
  }

  @Test
  void jgramSchemaIsTheShippedLayer198() {
    assertThat(TlSchema.jgram()).isSameAs(TlSchema.forLayer(198));
  }
}
