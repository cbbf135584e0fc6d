package dev.jgram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgram.net.LoopbackServices;
import dev.jgram.testdc.services.UserSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SRP answer of {@link PasswordCheck} against testdc's own verifier, with seeded random
 * passwords of ASCII, Latin, Cyrillic, CJK and astral characters (emoji): the right one is
 * accepted, the same one with one character changed is not.
 */
class PasswordCheckTest {
  private static final int[][] RANGES = {
    {0x21, 0x7e}, {0xc0, 0x17f}, {0x410, 0x44f}, {0x4e00, 0x9fff}, {0x1f600, 0x1f64f}
  };

  @TempDir
  Path dir;
  LoopbackServices cluster;

  @BeforeEach
  void start() throws Exception {
    cluster = new LoopbackServices(dir.resolve("state"), 2);
  }

  @AfterEach
  void stop() throws Exception {
    cluster.close();
  }

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 6);
  }

  static String password(Random random) {
    StringBuilder b = new StringBuilder();
    int length = 1 + random.nextInt(24);
    for (int i = 0; i < length; i++) {
      int[] range = RANGES[random.nextInt(RANGES.length)];
      b.appendCodePoint(range[0] + random.nextInt(range[1] - range[0] + 1));
    }
    return b.toString();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aRandomPasswordIsAcceptedAndTheSameWithOneCharacterChangedIsNot(long seed) {
    Random random = new Random(seed);
    String right = password(random);
    String wrong = right.substring(0, right.length() - 1) + "\u00e9";
    String phone = "+1555" + (1_000_000 + seed);
    long id = cluster.services.addUser(UserSpec.ofPhone(phone).withPassword(right));
    List<String> asked = new CopyOnWriteArrayList<>();
    try (Client app = ServicesClients.client(cluster, "p").inMemory(true).build()) {
      assertThat(app.loginUser(phone, r -> cluster.services.loginCode(phone).orElseThrow(),
          r -> {
            asked.add(r.previousError());
            return asked.size() == 1 ? wrong : right;
          }).id()).isEqualTo(id);
    }
    assertThat(asked).containsExactly(null, "PASSWORD_HASH_INVALID");
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void theSupplierGivingNothingEndsThePasswordStepWithoutACheck(long seed) {
    String phone = "+1666" + (1_000_000 + seed);
    cluster.services.addUser(UserSpec.ofPhone(phone).withPassword(password(new Random(seed))));
    try (Client app = ServicesClients.client(cluster, "p").inMemory(true).build()) {
      assertThatThrownBy(() -> app.loginUser(phone,
          r -> cluster.services.loginCode(phone).orElseThrow(), r -> null))
          .isInstanceOfSatisfying(PasswordException.class,
              e -> assertThat(e.error()).isEqualTo("NO_PASSWORD_GIVEN"));
    }
    assertThat(cluster.count("auth.checkPassword")).isZero();
  }
}
