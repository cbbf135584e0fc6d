package dev.jgram.updates;

/**
 * One update sequence: the common pts box, the secondary (qts) box, or one channel's pts box.
 *
 * @param kind which sequence
 * @param channelId the bare channel id for {@link Kind#CHANNEL}, else 0
 */
record BoxKey(Kind kind, long channelId) implements Comparable<BoxKey> {
  /** The account's common message box (pts). */
  static final BoxKey COMMON = new BoxKey(Kind.COMMON, 0);
  /** The secondary box of secret chats and some bot events (qts). */
  static final BoxKey SECONDARY = new BoxKey(Kind.SECONDARY, 0);

  /** The kinds of sequence, in the order their differences are requested. */
  enum Kind { COMMON, SECONDARY, CHANNEL }

  static BoxKey channel(long channelId) {
    return new BoxKey(Kind.CHANNEL, channelId);
  }

  /** Whether {@code updates.getDifference} (not a channel difference) fills this box. */
  boolean isAccount() {
    return kind != Kind.CHANNEL;
  }

  @Override
  public int compareTo(BoxKey other) {
    int byKind = kind.compareTo(other.kind);
    return byKind != 0 ? byKind : Long.compare(channelId, other.channelId);
  }
}
