package dev.jgram;

import static dev.jgram.storage.StorageContractTest.fixtureSession;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.storage.AuthKey;
import dev.jgram.storage.InputPeer;
import dev.jgram.storage.Peer;
import dev.jgram.storage.PeerType;
import dev.jgram.storage.PyrogramSessionString;
import dev.jgram.storage.Session;
import dev.jgram.storage.Storage;
import dev.jgram.storage.UpdateState;
import dev.jgram.storage.format.DetectedSession;
import dev.jgram.storage.format.PortableSession;
import dev.jgram.storage.format.SessionFormat;
import dev.jgram.storage.format.SessionName;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Loading a decoded session into a client's storage, and Pyrogram's lenient reading kept. */
class SessionStringsTest {

  @Test
  void loadingCopiesSessionPeersUpdateStateAndChannelPtsKeepingPeerTimestamps() {
    Peer channel = Peer.of(-1001234567890L, 987654321987654321L, PeerType.CHANNEL,
        List.of("somechannel"), null).withLastUpdateOn(1_700_000_000L);
    Session withDate = fixtureSession().withDate(1_650_000_000L);
    PortableSession portable = PortableSession.of(withDate).withPeers(List.of(channel))
        .withUpdates(new UpdateState(4321, 17, 1_700_000_000, 99), Map.of(1234567890L, 555));
    try (Storage storage = Storage.memory()) {
      storage.open();
      SessionStrings.load(portable, storage);

      assertThat(storage.session()).isEqualTo(fixtureSession());
      assertThat(storage.peer(-1001234567890L)).contains(channel);
      assertThat(storage.peerById(-1001234567890L))
          .isEqualTo(new InputPeer.Channel(1234567890L, 987654321987654321L));
      assertThat(storage.updateState()).contains(new UpdateState(4321, 17, 1_700_000_000, 99));
      assertThat(storage.allChannelPts()).isEqualTo(Map.of(1234567890L, 555));
    }
  }

  @Test
  void aPyrogramStringDetectionRefusesIsStillReadAsPyrogramReadsIt() {
    Session zeroKey = fixtureSession().withAuthKey(AuthKey.of(new byte[AuthKey.LENGTH]));
    String string = PyrogramSessionString.encode(zeroKey);

    DetectedSession detected = SessionName.decode(string);

    assertThat(detected.format()).isEqualTo(SessionFormat.PYROGRAM_STRING);
    assertThat(detected.session().session()).isEqualTo(zeroKey);
    try (Client app = new Client(string)) {
      assertThat(app.storage().session()).isEqualTo(zeroKey);
      assertThat(app.exportSessionString()).isEqualTo(string);
    }
  }
}
