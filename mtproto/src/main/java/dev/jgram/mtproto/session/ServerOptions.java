package dev.jgram.mtproto.session;

/**
 * How much a server session remembers.
 *
 * @param keptMsgIds client msg_ids kept per session to detect replays; an id lower than all of
 *     them, with the window full, gets code 20
 * @param storedAnswers answers kept per session to re-send for a duplicate query
 * @param largeAnswerBytes answers larger than this are not re-sent for a duplicate query;
 *     {@code msg_detailed_info} names them instead
 */
public record ServerOptions(int keptMsgIds, int storedAnswers, int largeAnswerBytes) {

  /** Checks every limit is positive. */
  public ServerOptions {
    if (keptMsgIds < 1 || storedAnswers < 1 || largeAnswerBytes < 1) {
      throw new IllegalArgumentException("server session limits " + keptMsgIds + ", "
          + storedAnswers + ", " + largeAnswerBytes + "; expected all positive");
    }
  }

  /** 1024 kept ids, 1024 stored answers, answers up to 1024 bytes re-sent whole. */
  public static ServerOptions defaults() {
    return new ServerOptions(1024, 1024, 1024);
  }
}
