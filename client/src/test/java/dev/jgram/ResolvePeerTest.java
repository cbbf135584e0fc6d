package dev.jgram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.jgram.storage.InputPeer;
import dev.jgram.storage.Peer;
import dev.jgram.storage.PeerIds;
import dev.jgram.storage.PeerNotFoundException;
import dev.jgram.storage.PeerNotFoundException.Reason;
import dev.jgram.storage.PeerType;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link Client#resolvePeer(Object)} reads the cache the way Pyrogram's resolve_peer does. */
class ResolvePeerTest {
  private static final long CHANNEL = PeerIds.markChannel(1_234_567_890L);
  private Client app;

  @BeforeEach
  void cacheSomePeers() {
    app = new Client(":memory:");
    app.storage().updatePeers(List.of(
        Peer.of(777000, 11L, PeerType.USER, List.of("durov", "collectible"), "15550100"),
        Peer.of(424242, 22L, PeerType.BOT, List.of("some_bot"), null),
        Peer.of(CHANNEL, 33L, PeerType.CHANNEL, List.of("news"), null),
        Peer.of(-4242, 0L, PeerType.GROUP, List.of(), null),
        // A user whose phone number happens to look like another peer's id.
        Peer.of(555, 44L, PeerType.USER, List.of(), "424242")));
  }

  @AfterEach
  void close() {
    app.close();
  }

  @Test
  void longAndIntegerIdsResolveByMarkedId() {
    assertThat(app.resolvePeer(777000L)).isEqualTo(new InputPeer.User(777000, 11));
    assertThat(app.resolvePeer(777000)).isEqualTo(new InputPeer.User(777000, 11));
    assertThat(app.resolvePeer(CHANNEL)).isEqualTo(new InputPeer.Channel(1_234_567_890L, 33));
    assertThat(app.resolvePeer(-4242)).isEqualTo(new InputPeer.Chat(4242));
  }

  @Test
  void meAndSelfAreTheAccountItself() {
    assertThat(app.resolvePeer("me")).isEqualTo(new InputPeer.Self());
    assertThat(app.resolvePeer("self")).isEqualTo(new InputPeer.Self());
  }

  @Test
  void usernamesResolveWithOrWithoutAtInAnyCaseAndSpacing() {
    InputPeer durov = new InputPeer.User(777000, 11);
    assertThat(app.resolvePeer("durov")).isEqualTo(durov);
    assertThat(app.resolvePeer("@durov")).isEqualTo(durov);
    assertThat(app.resolvePeer(" @Durov\n")).isEqualTo(durov);
    assertThat(app.resolvePeer("@COLLECTIBLE")).isEqualTo(durov);
    assertThat(app.resolvePeer("@news")).isEqualTo(new InputPeer.Channel(1_234_567_890L, 33));
  }

  @Test
  void phoneNumbersResolveWithPlusAndSpaces() {
    InputPeer durov = new InputPeer.User(777000, 11);
    assertThat(app.resolvePeer("+15550100")).isEqualTo(durov);
    assertThat(app.resolvePeer("+1 555 0100")).isEqualTo(durov);
  }

  @Test
  void aNumericStringIsAnIdFirstAndAPhoneNumberOnlyIfNoPeerHasThatId() {
    assertThat(app.resolvePeer("424242")).isEqualTo(new InputPeer.User(424242, 22));
    assertThat(app.resolvePeer("+424242")).isEqualTo(new InputPeer.User(555, 44));
    assertThat(app.resolvePeer("15550100")).isEqualTo(new InputPeer.User(777000, 11));
    assertThat(app.resolvePeer(Long.toString(CHANNEL)))
        .isEqualTo(new InputPeer.Channel(1_234_567_890L, 33));
  }

  @Test
  void anUnknownNumericStringReportsThePhoneMissWithTheIdMissAttached() {
    PeerNotFoundException e = catchThrowableOfType(PeerNotFoundException.class,
        () -> app.resolvePeer("123"));
    assertThat(e.reason()).isEqualTo(Reason.PHONE_NOT_FOUND);
    assertThat(e.key()).isEqualTo("123");
    assertThat(e.getSuppressed()).singleElement()
        .satisfies(s -> assertThat(s).hasMessage("ID not found: 123"));
  }

  @Test
  void anUnknownNegativeIdIsAnIdMiss() {
    PeerNotFoundException e = catchThrowableOfType(PeerNotFoundException.class,
        () -> app.resolvePeer("-1009999"));
    assertThat(e.reason()).isEqualTo(Reason.ID_NOT_FOUND);
    assertThat(e.key()).isEqualTo("-1009999");
  }

  @Test
  void missesNameTheKeyThatWasLookedUp() {
    assertThat(catchThrowableOfType(PeerNotFoundException.class, () -> app.resolvePeer(1L)))
        .hasMessage("ID not found: 1");
    assertThat(catchThrowableOfType(PeerNotFoundException.class,
        () -> app.resolvePeer("@Nobody"))).hasMessage("Username not found: nobody");
    assertThat(catchThrowableOfType(PeerNotFoundException.class,
        () -> app.resolvePeer("+44 7700 900000"))).hasMessage(
            "Phone number not found: 447700900000");
  }

  @Test
  void otherTypesAndEmptyTextAreRefused() {
    assertThatThrownBy(() -> app.resolvePeer(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("peer must be a Long, Integer or String, was null");
    assertThatThrownBy(() -> app.resolvePeer(1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("peer must be a Long, Integer or String, was java.lang.Double");
    assertThatThrownBy(() -> app.resolvePeer("  "))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("peer must not be blank");
    assertThatThrownBy(() -> app.resolvePeer("@ +"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("peer has nothing but '@', '+' and whitespace");
  }
}
