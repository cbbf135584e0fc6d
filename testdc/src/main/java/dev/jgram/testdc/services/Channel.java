package dev.jgram.testdc.services;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A channel (broadcast) or supergroup with its members, messages and pts (1 when created, each
 * message adds 1). Guarded by the services' lock.
 */
final class Channel {
  private final long id;
  private final String title;
  private final String username;
  private final boolean broadcast;
  private final long creatorId;
  private final int date;
  private final Set<Long> members = new LinkedHashSet<>();
  private final List<ChannelMessage> messages = new ArrayList<>();

  Channel(long id, String title, String username, boolean broadcast, long creatorId, int date) {
    this.id = id;
    this.title = title;
    this.username = username;
    this.broadcast = broadcast;
    this.creatorId = creatorId;
    this.date = date;
  }

  long id() {
    return id;
  }

  String title() {
    return title;
  }

  String username() {
    return username;
  }

  boolean broadcast() {
    return broadcast;
  }

  long creatorId() {
    return creatorId;
  }

  int date() {
    return date;
  }

  int pts() {
    return messages.isEmpty() ? 1 : messages.get(messages.size() - 1).pts();
  }

  int nextMessageId() {
    return messages.size() + 1;
  }

  boolean isMember(long userId) {
    return members.contains(userId);
  }

  /** Whether the user may post: anyone in a supergroup, only the creator in a broadcast. */
  boolean canPost(long userId) {
    return isMember(userId) && (!broadcast || userId == creatorId);
  }

  Set<Long> members() {
    return Collections.unmodifiableSet(members);
  }

  void addMember(long userId) {
    members.add(userId);
  }

  void add(ChannelMessage message) {
    messages.add(message);
  }

  List<ChannelMessage> messages() {
    return Collections.unmodifiableList(messages);
  }

  /** The messages whose pts is above {@code pts}, oldest first. */
  List<ChannelMessage> after(int pts) {
    int from = Math.max(0, pts - 1);
    return from >= messages.size() ? List.of()
        : Collections.unmodifiableList(messages.subList(from, messages.size()));
  }
}
