package dev.jgram.updates;

import static dev.jgram.updates.Updates.channelDifferenceEmpty;
import static dev.jgram.updates.Updates.channelRequest;
import static dev.jgram.updates.Updates.delivered;
import static dev.jgram.updates.Updates.differenceEmpty;
import static dev.jgram.updates.Updates.state;
import static dev.jgram.updates.Updates.updates;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.storage.UpdateState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The 17 scenarios of grammers' {@code grammers-session/src/message_box/tests.rs} (commit
 * fa7692e; spec §10.6), with their states, inputs and outcomes. Where jgram's rules differ on
 * purpose the test says so in its name and the difference is asserted.
 */
class GrammersScenariosTest {
  private static final Duration GAP = MessageBox.POSSIBLE_GAP_TIMEOUT;
  private static final Duration IDLE = MessageBox.NO_UPDATES_TIMEOUT;

  private final TestClock clock = new TestClock();

  private MessageBox withState(int date, int seq, int pts, int qts) {
    MessageBox box = MessageBox.create(clock, 0);
    box.applyState(state(date, seq, pts, qts));
    return box;
  }

  private static List<UpdateRequest> channelRequests(MessageBox box) {
    return box.pendingRequests().stream()
        .filter(r -> r instanceof UpdateRequest.GetChannelDifference).toList();
  }

  private static List<UpdateRequest> accountRequests(MessageBox box) {
    return box.pendingRequests().stream()
        .filter(r -> !(r instanceof UpdateRequest.GetChannelDifference)).toList();
  }

  @Test
  void connectFlowEmptyAsksForTheStateAndNoDifference() {
    MessageBox box = MessageBox.create(clock, 0);

    assertThat(box.pendingRequests()).containsExactly(new UpdateRequest.GetState());
    assertThat(box.state()).isEmpty();
    assertThat(box.channelPts()).isEmpty();
  }

  @Test
  void connectFlowWithDataAsksForTheAccountDifferenceButNotOnePerChannel() {
    UpdateState stored = new UpdateState(12, 34, 56, 78);
    MessageBox box = MessageBox.load(clock, 0, stored, Map.of(43L, 21));

    assertThat(box.pendingRequests())
        .containsExactly(new UpdateRequest.GetDifference(12, 56, 34));
    assertThat(box.state()).contains(stored);
    assertThat(box.channelPts()).containsExactly(Map.entry(43L, 21));
  }

  @Test
  void completeLoginFlowSetsTheStateAndAsksForNothing() {
    MessageBox box = withState(56, 78, 12, 34);

    assertThat(box.pendingRequests()).isEmpty();
    assertThat(box.state()).contains(new UpdateState(12, 34, 56, 78));
    assertThat(box.channelPts()).isEmpty();
  }

  @Test
  void iterDialogsFlowKeepsTheFirstPtsOfEachChannelSortedById() {
    MessageBox box = MessageBox.create(clock, 0);

    box.knowChannel(98, 76);
    box.knowChannel(54, 32);
    box.knowChannel(98, 10);

    assertThat(box.channelPts()).containsExactly(Map.entry(54L, 32), Map.entry(98L, 76));
  }

  @Test
  void nextRawUpdateFlowEmptyMovesTheIdleDeadlineOnlyOnceItPassed() {
    MessageBox box = MessageBox.create(clock, 0);
    Instant deadline = clock.instant().plus(IDLE);

    assertThat(box.checkDeadlines()).isEqualTo(deadline);
    clock.advance(IDLE.dividedBy(2));
    assertThat(box.checkDeadlines()).isEqualTo(deadline);
    clock.advance(IDLE);
    assertThat(box.checkDeadlines()).isEqualTo(clock.instant().plus(IDLE));
    clock.advance(IDLE.plusSeconds(1));
    assertThat(box.checkDeadlines()).isEqualTo(clock.instant().plus(IDLE));
    assertThat(box.pendingRequests()).containsExactly(new UpdateRequest.GetState());
  }

  @Test
  void nextRawUpdateFlowCommonTimeoutFetchesTheDifference() {
    MessageBox box = withState(56, 78, 12, 34);
    clock.advance(IDLE);

    assertThat(box.pendingRequests()).isEmpty();
    assertThat(box.checkDeadlines()).isEqualTo(clock.instant());
    assertThat(box.pendingRequests())
        .containsExactly(new UpdateRequest.GetDifference(12, 56, 34));

    assertThat(box.applyDifference(differenceEmpty(90, 91))).isEmpty();

    assertThat(box.pendingRequests()).isEmpty();
    assertThat(box.checkDeadlines()).isEqualTo(clock.instant().plus(IDLE));
    assertThat(box.state()).contains(new UpdateState(12, 34, 90, 91));
  }

  @Test
  void nextRawUpdateFlowChannelTimeoutFetchesThatChannel() {
    MessageBox box = MessageBox.create(clock, 0);
    box.knowChannel(12, 34);
    clock.advance(IDLE);

    assertThat(channelRequests(box)).isEmpty();
    assertThat(box.checkDeadlines()).isEqualTo(clock.instant());
    assertThat(channelRequests(box)).containsExactly(channelRequest(12, 34));

    box.applyChannelDifference(12, channelDifferenceEmpty(56, true));

    assertThat(channelRequests(box)).isEmpty();
    assertThat(box.checkDeadlines()).isEqualTo(clock.instant().plus(IDLE));
    assertThat(box.channelPts()).containsExactly(Map.entry(12L, 56));
  }

  @Test
  void nextRawUpdateFlowChannelIssuesKeepTheChannel() {
    MessageBox box = MessageBox.create(clock, 0);
    box.knowChannel(12, 34);
    clock.advance(IDLE);
    assertThat(box.checkDeadlines()).isEqualTo(clock.instant());
    assertThat(channelRequests(box)).hasSize(1);

    box.endChannelDifference(12, false);

    assertThat(channelRequests(box)).isEmpty();
    assertThat(box.channelPts()).containsExactly(Map.entry(12L, 34));
  }

  @Test
  void nextRawUpdateFlowChannelBanForgetsTheChannel() {
    MessageBox box = MessageBox.create(clock, 0);
    box.knowChannel(12, 34);
    clock.advance(IDLE);
    assertThat(box.checkDeadlines()).isEqualTo(clock.instant());
    assertThat(channelRequests(box)).hasSize(1);

    box.endChannelDifference(12, true);

    assertThat(channelRequests(box)).isEmpty();
    assertThat(box.channelPts()).isEmpty();
  }

  @Test
  void nextRawUpdateFlowNoNewDifferenceUntilTheDeadlinesAreCheckedAgain() {
    MessageBox box = MessageBox.create(clock, 0);
    Duration third = IDLE.dividedBy(3);
    box.knowChannel(11, 12);
    clock.advance(third.multipliedBy(2));
    box.knowChannel(21, 22);
    box.knowChannel(31, 32);

    clock.advance(third.multipliedBy(2));
    assertThat(box.checkDeadlines()).isEqualTo(clock.instant());
    assertThat(channelRequests(box)).containsExactly(channelRequest(11, 12));

    clock.advance(third.multipliedBy(2));
    box.endChannelDifference(11, false);
    assertThat(channelRequests(box)).isEmpty();

    assertThat(box.checkDeadlines()).isEqualTo(clock.instant());
    assertThat(channelRequests(box))
        .containsExactly(channelRequest(21, 22), channelRequest(31, 32));
    box.endChannelDifference(21, false);
    assertThat(channelRequests(box)).containsExactly(channelRequest(31, 32));
    box.endChannelDifference(31, false);
    assertThat(channelRequests(box)).isEmpty();
  }

  @Test
  void processSocketUpdatesFlowAlreadyProcessedDeliversNothing() {
    MessageBox box = withState(12, 34, 56, 78);
    int[][] seqAndPts = {{33, 57}, {34, 57}, {35, 55}, {35, 56}, {0, 55}, {0, 56}};

    for (int[] input : seqAndPts) {
      assertThat(box.process(updates(13, input[0], input[1])))
          .as("seq %d, pts %d", input[0], input[1]).isEmpty();
    }
  }

  @Test
  void processSocketUpdatesFlowCommonAlreadyAppliedDeliversNothing() {
    MessageBox box = withState(12, 34, 56, 78);
    int[][] seqAndPts = {{33, 57}, {34, 57}, {35, 55}, {35, 56}, {0, 55}, {0, 56}};

    for (int[] input : seqAndPts) {
      assertThat(box.process(updates(13, input[0], input[1])))
          .as("seq %d, pts %d", input[0], input[1]).isEmpty();
      assertThat(box.pendingRequests()).isEmpty();
    }
  }

  @Test
  void processSocketUpdatesFlowCommonDifferenceOkDeliversTheUpdateOnceTheDifferenceIsIn() {
    MessageBox box = withState(12, 34, 56, 78);
    box.requestDifference();
    assertThat(box.pendingRequests())
        .containsExactly(new UpdateRequest.GetDifference(56, 12, 78));

    // grammers delivers it at once; jgram holds it until the difference says it is new.
    assertThat(box.process(updates(0, 0, 57))).isEmpty();

    assertThat(box.applyDifference(differenceEmpty(12, 34)))
        .containsExactly(delivered(12, 34, 57));
  }

  @Test
  void processSocketUpdatesFlowCommonOkAppliesEachAndMovesTheState() {
    MessageBox box = withState(12, 34, 56, 78);

    assertThat(box.process(updates(0, 0, 57))).containsExactly(delivered(12, 34, 57));
    assertThat(box.process(updates(0, 35, 58))).containsExactly(delivered(12, 35, 58));
    assertThat(box.process(updates(13, 36, 59))).containsExactly(delivered(13, 36, 59));
    assertThat(box.process(updates(14, 0, 60))).containsExactly(delivered(14, 36, 60));
  }

  @Test
  void processSocketUpdatesFlowCommonSeqGapFetchesTheDifferenceAtOnce() {
    MessageBox box = withState(12, 34, 56, 78);

    assertThat(box.process(updates(13, 36, 57))).isEmpty();

    assertThat(box.pendingRequests())
        .containsExactly(new UpdateRequest.GetDifference(56, 12, 78));
  }

  @Test
  void processSocketUpdatesFlowCommonPtsPossibleGapResolvesByWaiting() {
    MessageBox box = withState(12, 34, 56, 78);

    assertThat(box.process(updates(0, 0, 58))).isEmpty();
    clock.advance(GAP.dividedBy(2));
    box.checkDeadlines();
    assertThat(box.process(updates(0, 0, 57)))
        .containsExactly(delivered(12, 34, 57), delivered(12, 34, 58));

    assertThat(box.process(updates(0, 0, 61))).isEmpty();
    clock.advance(GAP.dividedBy(4));
    box.checkDeadlines();
    assertThat(box.process(updates(0, 0, 60))).isEmpty();
    clock.advance(GAP.dividedBy(4));
    box.checkDeadlines();
    assertThat(box.process(updates(0, 0, 59))).containsExactly(
        delivered(12, 34, 59), delivered(12, 34, 60), delivered(12, 34, 61));
    assertThat(box.pendingRequests()).isEmpty();
  }

  @Test
  void processSocketUpdatesFlowCommonPtsGapFetchesTheDifferenceAfterTheTimeout() {
    MessageBox box = withState(12, 34, 56, 78);

    assertThat(box.process(updates(0, 0, 58))).isEmpty();
    clock.advance(GAP.multipliedBy(3).dividedBy(2));
    assertThat(box.pendingRequests()).isEmpty();
    box.checkDeadlines();

    assertThat(box.pendingRequests())
        .containsExactly(new UpdateRequest.GetDifference(56, 12, 78));
  }
}
