package dev.jgram.testdc.services;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One account's update state and private messages: the common pts (1 for a fresh account, each
 * message adds 1), qts, seq and the date of the last update. Guarded by the services' lock.
 */
final class Box {
  private final List<BoxMessage> messages = new ArrayList<>();
  private int seq;
  private int date;

  /** The pts after everything in the box. */
  int pts() {
    return messages.isEmpty() ? 1 : messages.get(messages.size() - 1).pts();
  }

  /** Always 0: the cluster has no secret chats or qts-bearing bot updates. */
  int qts() {
    return 0;
  }

  int seq() {
    return seq;
  }

  int date() {
    return date;
  }

  int nextMessageId() {
    return messages.size() + 1;
  }

  void add(BoxMessage message) {
    messages.add(message);
    date = Math.max(date, message.date());
  }

  void seq(int seq, int date) {
    this.seq = seq;
    this.date = Math.max(this.date, date);
  }

  List<BoxMessage> messages() {
    return Collections.unmodifiableList(messages);
  }

  /** The messages whose pts is above {@code pts}, oldest first. */
  List<BoxMessage> after(int pts) {
    int from = Math.max(0, pts - 1);
    return from >= messages.size() ? List.of()
        : Collections.unmodifiableList(messages.subList(from, messages.size()));
  }
}
