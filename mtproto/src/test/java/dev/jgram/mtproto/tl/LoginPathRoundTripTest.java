package dev.jgram.mtproto.tl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The objects of the login, migration and update flows, at every shipped layer, built with
 * random fields from many seeds: each encodes, decodes to the same constructor and encodes
 * again to the same bytes.
 */
class LoginPathRoundTripTest {
  private static final int SEEDS = 20;
  private static final List<String> OBJECTS = List.of(
      "user", "userFull", "users.userFull", "channel", "chat", "channelForbidden",
      "config", "dcOption", "nearestDc", "auth.sentCode", "auth.sentCodeSuccess",
      "auth.authorization", "auth.authorizationSignUpRequired", "auth.exportedAuthorization",
      "auth.loggedOut", "account.password", "inputCheckPasswordSRP", "contacts.resolvedPeer",
      "updates.state", "updates.difference", "updates.differenceSlice",
      "updates.differenceEmpty", "updates.differenceTooLong", "updates.channelDifference",
      "updates.channelDifferenceEmpty", "updates.channelDifferenceTooLong", "updates",
      "updatesCombined", "updateShort", "updateShortMessage", "updateShortChatMessage",
      "updateShortSentMessage", "updatesTooLong", "message", "messageService",
      "messages.messages", "messages.messagesSlice", "messages.channelMessages",
      "auth.sendCode", "auth.signIn", "auth.signUp", "auth.checkPassword",
      "auth.importBotAuthorization", "auth.importAuthorization", "auth.bindTempAuthKey",
      "updates.getDifference", "updates.getChannelDifference", "messages.sendMessage",
      "messages.getHistory", "contacts.resolveUsername", "initConnection");

  static Stream<Arguments> cases() {
    return Layers.shipped().stream().flatMap(layer -> OBJECTS.stream().flatMap(name ->
        IntStream.range(0, SEEDS).mapToObj(seed -> Arguments.of(layer, name, seed))));
  }

  @ParameterizedTest(name = "layer {0}: {1} seed {2}")
  @MethodSource("cases")
  void loginPathObjectRoundTripsAtItsLayer(int layer, String name, int seed) {
    TlCodec codec = TlCodec.forLayer(layer);
    TlCombinator combinator = codec.schema().byName(name).orElseThrow(() ->
        new AssertionError(name + " is missing at layer " + layer));
    TlObject object = new RandomTlObjects(codec.schema(), 1000L * layer + seed)
        .of(combinator, 0);
    byte[] bytes = codec.encode(object);
    TlObject back = codec.decode(bytes);
    assertThat(back.name()).isEqualTo(name);
    assertThat(codec.encode(back)).isEqualTo(bytes);
  }
}
