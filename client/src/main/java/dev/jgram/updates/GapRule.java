package dev.jgram.updates;

/**
 * The three-way check of core.telegram.org/api/updates (spec §8.2), the same for pts, qts and
 * seq: with {@code expected = local + count}, an update is applied when it starts exactly where
 * the box stands, ignored when the box is already past it, and a gap when something is missing
 * before it.
 *
 * <pre>
 * | counter | expected          | apply if              | ignore if      | gap if         |
 * |---------|-------------------|-----------------------|----------------|----------------|
 * | pts     | local + pts_count | expected == pts       | expected &gt; pts | expected &lt; pts |
 * | qts     | local + 1         | expected == qts       | expected &gt; qts | expected &lt; qts |
 * | seq     | local + 1         | seq_start == 0, or    | expected &gt;     | expected &lt;     |
 * |         |                   | expected == seq_start | seq_start      | seq_start      |
 * </pre>
 */
enum GapRule {
  /** Deliver the update and move the box. */
  APPLY,
  /** The update was applied before: drop it. */
  IGNORE,
  /** Updates are missing before this one: hold it, then fetch the difference. */
  GAP;

  /** The pts (or qts, with count 1) check. */
  static GapRule pts(int local, int count, int remote) {
    return compare(local + count, remote);
  }

  /** The seq check of {@code updates}/{@code updatesCombined}; seq_start 0 always applies. */
  static GapRule seq(int local, int seqStart) {
    return seqStart == 0 ? APPLY : compare(local + 1, seqStart);
  }

  private static GapRule compare(int expected, int remote) {
    if (expected == remote) {
      return APPLY;
    }
    return expected > remote ? IGNORE : GAP;
  }
}
