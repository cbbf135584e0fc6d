package dev.jgram.mtproto.session;

/**
 * Sequence numbers of one sender in one session: {@code 2n + 1} for a content-related message,
 * where n counts the content-related messages created before it (then n grows), and {@code 2n}
 * for any other message.
 */
final class SeqNoCounter {
  private int contentRelated;

  int next(boolean isContentRelated) {
    if (isContentRelated) {
      return 2 * contentRelated++ + 1;
    }
    return 2 * contentRelated;
  }

  void reset() {
    contentRelated = 0;
  }
}
