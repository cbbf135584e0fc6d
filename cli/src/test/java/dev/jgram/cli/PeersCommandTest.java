package dev.jgram.cli;

import static dev.jgram.cli.CliRun.cli;
import static dev.jgram.cli.CliRun.jgram;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeersCommandTest {
  @TempDir Path dir;
  Path file;

  @BeforeEach
  void copyFixture() {
    file = Fixtures.copy("pyrogram-v3-user.session", dir);
  }

  @Test
  void listsEveryCachedPeerInIdOrder() {
    CliRun.Result r = jgram("peers", file.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    String[] lines = r.out().split("\\R");
    assertThat(lines[0]).startsWith("ID").contains("TYPE", "ACCESS_HASH", "USERNAMES", "PHONE");
    assertThat(lines).hasSize(10);
    assertThat(lines[1]).startsWith("-1009876543210").contains("supergroup", "7777777777");
    assertThat(lines[2]).startsWith("-1001234567890")
        .contains("channel", "-9223372036854775808", "newschan");
    assertThat(lines[4]).startsWith("111111111").contains("user", "alice_smith", "15551234567",
        "2023-11-14T19:26:40Z");
    assertThat(lines[8]).startsWith("5000000001").contains("bot", "helper_bot");
    assertThat(lines[9]).isEqualTo("8 peers in " + file);
  }

  @Test
  void jsonListsPeersWithExactlyTheIssuesKeys() throws Exception {
    CliRun.Result r = jgram("peers", "--json", file.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode array = Json.mapper().readTree(r.out());
    assertThat(array.isArray()).isTrue();
    assertThat(array).hasSize(8);
    JsonNode alice = array.get(3);
    List<String> keys = new ArrayList<>();
    alice.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("id", "access_hash", "type", "usernames", "phone_number",
        "last_update_on");
    assertThat(alice.path("id").asLong()).isEqualTo(111111111L);
    assertThat(alice.path("access_hash").asLong()).isEqualTo(1234567890123456789L);
    assertThat(alice.path("type").asText()).isEqualTo("user");
    assertThat(alice.path("usernames").get(0).asText()).isEqualTo("alice_smith");
    assertThat(alice.path("phone_number").asText()).isEqualTo("15551234567");
    assertThat(alice.path("last_update_on").asLong()).isEqualTo(1699990000L);
    JsonNode group = array.get(2);
    assertThat(group.path("type").asText()).isEqualTo("group");
    assertThat(group.get("phone_number").isNull()).isTrue();
    assertThat(group.path("usernames")).isEmpty();
  }

  @Test
  void looksUpById() throws Exception {
    CliRun.Result r = jgram("peers", file.toString(), "--id", "-1001234567890");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("newschan")
        .contains("input peer: inputPeerChannel channel_id:1234567890 "
            + "access_hash:-9223372036854775808");
  }

  @Test
  void looksUpByUsernameWithOrWithoutAtAndInAnyCase() throws Exception {
    CliRun.Result plain = jgram("peers", file.toString(), "--username", "alice_smith", "--json");
    CliRun.Result at = jgram("peers", file.toString(), "--username", "@Alice_Smith", "--json");

    assertThat(plain.exitCode()).as(plain.err()).isZero();
    assertThat(at.exitCode()).as(at.err()).isZero();
    assertThat(Json.mapper().readTree(plain.out()).path("id").asLong()).isEqualTo(111111111L);
    assertThat(at.out()).isEqualTo(plain.out());
  }

  @Test
  void looksUpByPhoneWithOrWithoutPlus() throws Exception {
    CliRun.Result r = jgram("peers", file.toString(), "--phone", "+447700900123");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("333333333")
        .contains("input peer: inputPeerUser user_id:333333333 access_hash:42");
  }

  @Test
  void anExpiredUsernameIsReportedAsExpiredNotReturned() {
    CliRun.Result r = jgram("peers", file.toString(), "--username", "stale_user");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines()).containsExactly(
        "jgram peers: " + file + ": Username expired: stale_user");
  }

  @Test
  void usernamesExpireByTheRealClockEightHoursAfterTheirLastWrite() {
    Clock later = Clock.fixed(Instant.ofEpochSecond(1699990000L + 8 * 3600 + 1), ZoneOffset.UTC);
    Clock edge = Clock.fixed(Instant.ofEpochSecond(1699990000L + 8 * 3600), ZoneOffset.UTC);

    assertThat(cli().clock(edge).run("peers", file.toString(), "--username", "alice_smith")
        .exitCode()).isZero();
    assertThat(cli().clock(later).run("peers", file.toString(), "--username", "alice_smith")
        .err()).contains("Username expired: alice_smith");
  }

  @Test
  void missesNameTheKeyThatWasMissing() {
    assertThat(jgram("peers", file.toString(), "--id", "999999999999").errLines())
        .containsExactly("jgram peers: " + file + ": ID not found: 999999999999");
    assertThat(jgram("peers", file.toString(), "--username", "no_such_username").errLines())
        .containsExactly("jgram peers: " + file + ": Username not found: no_such_username");
    assertThat(jgram("peers", file.toString(), "--phone", "0000000000").errLines())
        .containsExactly("jgram peers: " + file + ": Phone number not found: 0000000000");
  }

  @Test
  void twoLookupKeysAtOnceAreAUsageError() {
    CliRun.Result r = jgram("peers", file.toString(), "--id", "1", "--phone", "2");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains("mutually exclusive");
  }

  @Test
  void aNonNumericIdIsAUsageError() {
    CliRun.Result r = jgram("peers", file.toString(), "--id", "alice");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("alice");
  }
}
