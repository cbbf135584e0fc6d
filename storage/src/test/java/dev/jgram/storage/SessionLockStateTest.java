package dev.jgram.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionLockStateTest {
  @TempDir Path dir;

  @Test
  void aSessionNoOneOpenedIsNotHeldAndNothingIsCreated() throws Exception {
    Path file = dir.resolve("free.session");
    assertThat(SessionLockState.of(file)).isEqualTo(new SessionLockState(false, null));
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void anOwnerInThisProcessIsNamedWithoutLosingItsLock() {
    Path file = dir.resolve("mine.session");
    try (Storage s = Storage.file(file)) {
      s.open();
      SessionLockState state = SessionLockState.of(file);
      assertThat(state.held()).isTrue();
      assertThat(state.owner()).isEqualTo("this process (pid " + ProcessHandle.current().pid()
          + ")");
      assertThat(SessionLockState.of(file).held()).as("the probe kept the lock").isTrue();
    }
    assertThat(SessionLockState.of(file)).isEqualTo(new SessionLockState(false, null));
  }

  @Test
  void aLockFileLeftByAnEndedProcessIsNotHeldAndNamesWhoLeftIt() throws Exception {
    Path file = dir.resolve("stale.session");
    Files.writeString(dir.resolve("stale.session.lock"),
        "pid=999999999\r\nhost=old-box\r\nsince=2026-01-02T03:04:05Z\r\n");
    SessionLockState state = SessionLockState.of(file);
    assertThat(state).isEqualTo(new SessionLockState(false,
        "process 999999999 on host old-box since 2026-01-02T03:04:05Z"));
    assertThat(state.describe()).isEqualTo("not held: no running client owns this session (a "
        + "lock file left by process 999999999 on host old-box since 2026-01-02T03:04:05Z, "
        + "which ended; the next client takes it over)");
  }
}
