package dev.jgram.storage.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgram.storage.Session;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionFormatTest {

  @Test
  void cliNamesAreExactlyTheEightTheCommandLineUses() {
    assertThat(Arrays.stream(SessionFormat.values()).map(SessionFormat::cliName)).containsExactly(
        "pyrogram-string", "pyrogram-file", "telethon-string", "telethon-file", "gramjs-string",
        "gramjs-store", "mtcute-string", "gotd-json");
  }

  @Test
  void everyCliNameMapsBackToItsFormat() {
    for (SessionFormat f : SessionFormat.values()) {
      assertThat(SessionFormat.fromCliName(f.cliName())).isEqualTo(f);
    }
  }

  @Test
  void anUnknownNameListsTheAcceptedOnes() {
    assertThatThrownBy(() -> SessionFormat.fromCliName("postgres"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown session format 'postgres'; expected one of pyrogram-string, "
            + "pyrogram-file, telethon-string, telethon-file, gramjs-string, gramjs-store, "
            + "mtcute-string, gotd-json");
  }

  @Test
  void portableSessionCopiesItsCollectionsAndNeverShowsTheKey() {
    java.util.List<dev.jgram.storage.Peer> peers = new java.util.ArrayList<>();
    PortableSession s = PortableSession.of(new Session(2, null, null, InteropFixtures.k1(), 0,
        null, null)).withPeers(peers).withExtra(PortableSession.EXTRA_GOTD_SALT, "5");
    peers.add(dev.jgram.storage.Peer.of(1, 1L, dev.jgram.storage.PeerType.USER, List.of(), null));

    assertThat(s.peers()).isEmpty();
    assertThat(s.extra(PortableSession.EXTRA_GOTD_SALT)).contains("5");
    assertThat(s.withExtra(PortableSession.EXTRA_GOTD_SALT, null).extras()).isEmpty();
    assertThat(s.toString()).contains("AuthKey[id=c7b1468ed72caa56]")
        .doesNotContain("094a70d9", "CUpw2QZP");
    assertThat(s.withApiId(1).withUserId(2).withIsBot(true).withTestMode(false).session())
        .isEqualTo(new Session(2, 1L, false, InteropFixtures.k1(), 0, 2L, true));
  }

  @Test
  void aPortOutsideSixteenBitsIsRefused() {
    assertThatThrownBy(() -> PortableSession.of(Session.EMPTY, "1.2.3.4", 70000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("port 70000 is outside 0..65535");
  }
}
