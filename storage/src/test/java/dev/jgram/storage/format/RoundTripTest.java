package dev.jgram.storage.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.storage.AuthKey;
import dev.jgram.storage.Session;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Seeded random sessions through every pair of string formats. */
class RoundTripTest {
  static final List<SessionFormat> STRINGS = List.of(SessionFormat.PYROGRAM_STRING,
      SessionFormat.TELETHON_STRING, SessionFormat.GRAMJS_STRING, SessionFormat.MTCUTE_STRING,
      SessionFormat.GOTD_JSON);

  static Stream<Long> seeds() {
    return IntStream.range(0, 200).mapToObj(i -> 0x5EED0000L + i);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyPairOfStringFormatsKeepsKeyDcTestModeAndCarriedUser(long seed) {
    PortableSession original = randomSession(new Random(seed));
    for (SessionFormat from : STRINGS) {
      DetectedSession first = SessionFormats.detect(SessionFormats.encode(original, from));
      assertThat(first.format()).isEqualTo(from);
      for (SessionFormat to : STRINGS) {
        PortableSession filled = supplyMissing(first.session(), to, original);
        DetectedSession second = SessionFormats.detect(SessionFormats.encode(filled, to));

        String path = from.cliName() + " -> " + to.cliName();
        assertThat(second.format()).as(path).isEqualTo(to);
        assertThat(second.session().authKey()).as(path).isEqualTo(original.authKey());
        assertThat(second.session().dcId()).as(path).isEqualTo(original.dcId());
        assertThat(second.session().session().testMode()).as(path)
            .isEqualTo(original.session().testMode());
        if (carriesUser(to)) {
          // mtcute's self block is optional: it stays out when the source had no user
          boolean kept = carriesUser(from) || to == SessionFormat.PYROGRAM_STRING;
          assertThat(second.session().session().userId()).as(path)
              .isEqualTo(kept ? original.session().userId() : null);
          assertThat(second.session().session().isBot()).as(path)
              .isEqualTo(kept ? original.session().isBot() : null);
        }
      }
    }
  }

  static Stream<Long> fewerSeeds() {
    return seeds().limit(100);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("fewerSeeds")
  void aFormatsOwnStringReEncodesToItself(long seed) {
    PortableSession original = randomSession(new Random(seed));
    for (SessionFormat f : STRINGS) {
      String once = SessionFormats.encode(original, f);

      assertThat(SessionFormats.encode(SessionFormats.detect(once).session(), f))
          .as(f.cliName()).isEqualTo(once);
    }
  }

  /** Supplies only what the target reports missing, and only fields the source lacks. */
  private static PortableSession supplyMissing(PortableSession s, SessionFormat to,
      PortableSession original) {
    PortableSession out = s;
    for (SessionField f : SessionFormats.missingFields(s, to)) {
      Session o = original.session();
      out = switch (f) {
        case API_ID -> out.withApiId(o.apiId());
        case USER_ID -> out.withUserId(o.userId());
        case IS_BOT -> out.withIsBot(o.isBot());
        case TEST_MODE -> out.withTestMode(o.testMode());
        case DC_ID, AUTH_KEY -> throw new AssertionError(f + " must never be missing");
      };
    }
    assertThat(SessionFormats.missingFields(out, to)).isEmpty();
    return out;
  }

  private static boolean carriesUser(SessionFormat f) {
    return f == SessionFormat.PYROGRAM_STRING || f == SessionFormat.MTCUTE_STRING;
  }

  static PortableSession randomSession(Random r) {
    boolean test = r.nextInt(4) == 0;
    int[] dcs = test ? new int[] {1, 2, 3} : new int[] {1, 2, 3, 4, 5, 203};
    int dc = dcs[r.nextInt(dcs.length)];
    byte[] key = new byte[256];
    r.nextBytes(key);
    long userId = 1 + (r.nextLong() >>> 12);
    long apiId = 1 + (r.nextLong() & Session.MAX_API_ID) % Session.MAX_API_ID;
    Session session = new Session(dc, apiId, test,
        AuthKey.of(key), 0, userId, r.nextBoolean());
    DcAddress table = DcAddresses.find(dc, test).orElseThrow();
    return switch (r.nextInt(3)) {
      case 0 -> PortableSession.of(session);
      case 1 -> PortableSession.of(session, table.ipv4(), table.port());
      default -> PortableSession.of(session, table.ipv6(), table.port());
    };
  }
}
