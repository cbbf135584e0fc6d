package dev.jgram.testdc.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgram.mtproto.tl.TlObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateRestartTest {
  static final String TOKEN = "4242:restartSecret";
  static final long BOT_KEY = 0x4242L;
  static final long ALICE_KEY = 0xA11CEL;
  static final long BOB_KEY = 0xB0BL;

  @TempDir
  Path dir;

  @Test
  void accountsAuthorisationsMessagesAndUpdateStateSurviveARestart() {
    long alice;
    long bob;
    long group;
    long hashSeenByAlice;
    try (Cluster before = new Cluster(dir, 1)) {
      before.services.addBot(BotSpec.parse(TOKEN + "@2=restart_bot"));
      before.loginBot(2, BOT_KEY, TOKEN);
      alice = before.services.addUser(UserSpec.ofPhone("15550000001"));
      bob = before.services.addUser(UserSpec.ofPhone("15550000002").withUsername("bob_user"));
      before.loginUser(1, ALICE_KEY, "15550000001");
      before.loginUser(1, BOB_KEY, "15550000002");
      before.services.sendMessage(alice, bob, "before restart");
      group = before.services.addChannel("G", "the_group", false, alice, List.of(bob));
      before.services.postToChannel(group, bob, "in the group");
      before.services.pushUpdate(bob, TlObject.of("updateUserStatus", "user_id", alice,
          "status", TlObject.of("userStatusRecently")));
      hashSeenByAlice = before.services.userAccessHash(alice, bob);
    }

    try (Cluster after = new Cluster(dir, 2)) {
      assertThat(after.services.userOf(BOT_KEY)).hasValue(4242L);
      assertThat(after.services.userOf(ALICE_KEY)).hasValue(alice);
      TlObject me = after.result(2, BOT_KEY, Queries.getFullUser(Queries.self()));
      assertThat(me.<TlObject>list("users").get(0).string("username")).isEqualTo("restart_bot");
      assertThat(after.services.userAccessHash(alice, bob)).isEqualTo(hashSeenByAlice);
      TlObject state = after.result(1, BOB_KEY, Queries.getState());
      assertThat(state.intValue("pts")).isEqualTo(2);
      assertThat(state.intValue("seq")).isEqualTo(1);
      TlObject difference = after.result(1, BOB_KEY, Queries.getDifference(1, 0));
      assertThat(difference.<TlObject>list("new_messages")).extracting(m -> m.string("message"))
          .containsExactly("before restart");
      TlObject channel = Queries.inputChannel(group, after.services.channelAccessHash(bob, group));
      TlObject channelDifference = after.result(1, BOB_KEY,
          Queries.getChannelDifference(channel, 1, 10));
      assertThat(channelDifference.<TlObject>list("new_messages")).singleElement()
          .satisfies(m -> assertThat(m.string("message")).isEqualTo("in the group"));
      assertThat(after.result(1, ALICE_KEY,
          TlObject.of("contacts.resolveUsername", "username", "the_group"))
          .object("peer").longValue("channel_id")).isEqualTo(group);
      after.services.sendMessage(bob, alice, "after restart");
      assertThat(after.result(1, ALICE_KEY, Queries.getState()).intValue("pts")).isEqualTo(3);
    }
  }

  @Test
  void closedServicesRefuseChangesTheyCouldNotKeep() {
    Cluster cluster = new Cluster(dir, 1);
    cluster.close();
    cluster.close();

    assertThatThrownBy(() -> cluster.services.addBot(BotSpec.parse(TOKEN)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
  }

  @Test
  void logoutSurvivesARestart() {
    try (Cluster before = new Cluster(dir, 1)) {
      before.services.addBot(BotSpec.parse(TOKEN));
      before.loginBot(1, BOT_KEY, TOKEN);
      before.result(1, BOT_KEY, TlObject.of("auth.logOut"));
    }
    try (Cluster after = new Cluster(dir, 2)) {
      assertThat(after.services.userOf(BOT_KEY)).isEmpty();
      assertThat(after.error(1, BOT_KEY, Queries.getUsers(Queries.self())))
          .isEqualTo("401 AUTH_KEY_UNREGISTERED");
    }
  }

  @Test
  void tornLastLineIsIgnored() throws IOException {
    try (Cluster before = new Cluster(dir, 1)) {
      before.services.addBot(BotSpec.parse(TOKEN));
      before.loginBot(1, BOT_KEY, TOKEN);
    }
    Files.writeString(dir.resolve(Journal.FILE_NAME), "auth\t99\t4242\t1\t0",
        StandardCharsets.UTF_8, StandardOpenOption.APPEND);

    try (Cluster after = new Cluster(dir, 2)) {
      assertThat(after.services.userOf(BOT_KEY)).hasValue(4242L);
      assertThat(after.services.userOf(99L)).isEmpty();
    }
  }

  @Test
  void malformedLineOrForeignFileIsReportedWithItsPlace() throws IOException {
    try (Cluster before = new Cluster(dir, 1)) {
      before.services.addBot(BotSpec.parse(TOKEN));
    }
    Path file = dir.resolve(Journal.FILE_NAME);
    Files.writeString(file, "auth\tnot-a-number\n", StandardOpenOption.APPEND);
    assertThatThrownBy(() -> new Cluster(dir, 2)).isInstanceOf(StateFileException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("line 4");

    Files.writeString(file, "something else\n");
    assertThatThrownBy(() -> new Cluster(dir, 2)).isInstanceOf(StateFileException.class)
        .hasMessageContaining("not a testdc state journal");
  }

  @Test
  void journalIsTextWithAHeaderAndOneLinePerMutation() throws IOException {
    try (Cluster before = new Cluster(dir, 1)) {
      before.services.addUser(UserSpec.ofPhone("15550000001"));
      before.loginUser(1, ALICE_KEY, "15550000001");
    }
    String text = Files.readString(dir.resolve(Journal.FILE_NAME));
    assertThat(text).startsWith("jgram-testdc-state\t1\n").contains("auth\t" + ALICE_KEY + "\t");
  }
}
