package dev.jgram.updates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.storage.Storage;
import dev.jgram.storage.UpdateState;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The box's state round-trips through storage's update state and channel pts. */
class StatePersistenceTest {
  @TempDir Path dir;

  @Test
  void aBoxResumesFromWhatTheFileStorageKeptAndAsksForTheDifferenceFromThere() {
    TestClock clock = new TestClock();
    MessageBox box = MessageBox.create(clock, 0);
    box.applyState(Updates.state(12, 34, 56, 78));
    box.knowChannel(7, 200);
    box.process(Updates.updates(13, 35, 57));
    box.process(TlObject.of("updateShort", "update",
        TlObject.of("updateDeleteChannelMessages", "channel_id", 7L,
            "messages", List.of(1), "pts", 201, "pts_count", 1), "date", 0));
    Path file = dir.resolve("state.session");
    try (Storage storage = Storage.file(file)) {
      storage.open();
      storage.updateState(box.state().orElseThrow());
      box.channelPts().forEach(storage::channelPts);
    }

    try (Storage storage = Storage.file(file)) {
      storage.open();
      MessageBox resumed = MessageBox.load(clock, 0, storage.updateState().orElseThrow(),
          storage.allChannelPts());

      assertThat(resumed.state()).contains(new UpdateState(57, 78, 13, 35));
      assertThat(resumed.channelPts()).isEqualTo(Map.of(7L, 201));
      assertThat(resumed.pendingRequests())
          .containsExactly(new UpdateRequest.GetDifference(57, 13, 78));
    }
  }
}
