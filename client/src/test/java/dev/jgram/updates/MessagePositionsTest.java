package dev.jgram.updates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.mtproto.tl.TlObject;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Where a difference's messages stand: the positions its other updates leave, if they fit. */
class MessagePositionsTest {
  private static final BoxKey CHANNEL = BoxKey.channel(7);

  private static TlObject deleted(int pts, int count) {
    return TlObject.of("updateDeleteMessages", "messages", List.of(), "pts", pts,
        "pts_count", count);
  }

  private static TlObject channelDeleted(int pts, int count) {
    return TlObject.of("updateDeleteChannelMessages", "channel_id", 7L, "messages", List.of(),
        "pts", pts, "pts_count", count);
  }

  private static TlObject status() {
    return TlObject.of("updateUserStatus", "user_id", 1L, "status",
        TlObject.of("userStatusEmpty"));
  }

  static Stream<Arguments> table() {
    return Stream.of(
        Arguments.of("messages only fill the range", 100, 103, 3, List.of(), BoxKey.COMMON,
            "101,102,103"),
        Arguments.of("an update of two pts between two messages", 100, 104, 2,
            List.of(deleted(103, 2)), BoxKey.COMMON, "101,104"),
        Arguments.of("updates before and after the messages", 100, 105, 2,
            List.of(deleted(101, 1), deleted(105, 2)), BoxKey.COMMON, "102,103"),
        Arguments.of("updates of no box and of a channel take no common pts", 100, 102, 2,
            List.of(status(), channelDeleted(102, 2)), BoxKey.COMMON, "101,102"),
        Arguments.of("an update that started before the range takes only its part", 100, 103, 2,
            List.of(deleted(101, 3)), BoxKey.COMMON, "102,103"),
        Arguments.of("a channel's messages around its own update", 200, 203, 2,
            List.of(channelDeleted(202, 1), deleted(202, 1)), CHANNEL, "201,203"),
        Arguments.of("more free positions than messages: unknown", 100, 105, 2, List.of(),
            BoxKey.COMMON, "unknown"),
        Arguments.of("fewer free positions than messages: unknown", 100, 103, 2,
            List.of(deleted(103, 2)), BoxKey.COMMON, "unknown"),
        Arguments.of("an update listed twice takes its places once", 100, 104, 2,
            List.of(deleted(103, 2), deleted(103, 2)), BoxKey.COMMON, "101,104"),
        Arguments.of("no messages", 100, 102, 0, List.of(deleted(102, 2)), BoxKey.COMMON,
            "unknown"),
        Arguments.of("a range that went back", 100, 99, 1, List.of(), BoxKey.COMMON, "unknown"),
        Arguments.of("a range far too wide for its updates", 0, 2_000_000_000, 1,
            List.of(deleted(2_000_000_000, Integer.MAX_VALUE)), BoxKey.COMMON, "unknown"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void messagesTakeTheFreePositionsInOrderOnlyWhenTheyFitExactly(String scenario, int from,
      int to, int messages, List<TlObject> others, BoxKey key, String expected) {
    Optional<int[]> at = MessagePositions.of(from, to, messages, others, key);

    assertThat(at.map(p -> Arrays.stream(p).mapToObj(Integer::toString)
        .collect(Collectors.joining(","))).orElse("unknown")).isEqualTo(expected);
  }
}
