package dev.jgram.mtproto.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a client sent and has not seen settled: each message by msg_id, with the container it
 * travelled in, and each container's messages. A server notification about a msg_id is acted
 * on only if the id is here (it was really sent recently); a container id stands for all its
 * messages. Content-related messages stay until answered; the rest are forgotten after
 * {@link #SERVICE_TTL}.
 */
final class SentLog {
  static final Duration SERVICE_TTL = Duration.ofSeconds(600);

  /**
   * One sent message.
   *
   * @param message what the caller handed in, or null for the session's own {@code msgs_ack}
   * @param ackIds for a {@code msgs_ack}, the ids it acknowledged
   */
  record Sent(long msgId, int seqNo, long containerId, OutgoingMessage message, List<Long> ackIds,
      Instant sentAt) {}

  private final Map<Long, Sent> messages = new LinkedHashMap<>();
  private final Map<Long, Container> containers = new HashMap<>();

  /** A container's messages, and how many of them are still here. */
  private static final class Container {
    final List<Long> inner;
    int left;

    Container(List<Long> inner, int left) {
      this.inner = inner;
      this.left = left;
    }
  }

  /**
   * Remembers {@code sent}; a message already here keeps its place in the sending order (the
   * order {@link #prune} relies on) and moves to the container {@code sent} names.
   */
  void add(Sent sent) {
    Sent old = messages.put(sent.msgId(), sent);
    if (old != null && old.containerId() != sent.containerId()) {
      settled(old.containerId());
    }
  }

  void addContainer(long containerId, List<Long> inner) {
    int left = 0;
    for (long id : inner) {
      Sent s = messages.get(id);
      left += s != null && s.containerId() == containerId ? 1 : 0;
    }
    if (left > 0) {
      containers.put(containerId, new Container(List.copyOf(inner), left));
    }
  }

  Sent get(long msgId) {
    return messages.get(msgId);
  }

  boolean knows(long msgId) {
    return messages.containsKey(msgId) || containers.containsKey(msgId);
  }

  /** Forgets a settled message. */
  Sent remove(long msgId) {
    Sent sent = messages.remove(msgId);
    if (sent != null) {
      settled(sent.containerId());
    }
    return sent;
  }

  /** Takes out {@code msgId}, or every message of the container {@code msgId}. */
  List<Sent> take(long msgId) {
    Container container = containers.remove(msgId);
    List<Long> ids = container != null ? container.inner : List.of(msgId);
    List<Sent> taken = new ArrayList<>();
    for (long id : ids) {
      Sent sent = remove(id);
      if (sent != null) {
        taken.add(sent);
      }
    }
    return taken;
  }

  /** Takes out the content-related messages sent, alone or in a container, before {@code id}. */
  List<Sent> takeContentBefore(long firstMsgId) {
    List<Sent> taken = new ArrayList<>();
    for (Iterator<Sent> it = messages.values().iterator(); it.hasNext(); ) {
      Sent s = it.next();
      if (s.message() != null && s.message().contentRelated()
          && Math.max(s.msgId(), s.containerId()) < firstMsgId) {
        taken.add(s);
        it.remove();
        settled(s.containerId());
      }
    }
    return taken;
  }

  /**
   * Forgets service messages and acks older than {@link #SERVICE_TTL}. The messages are kept
   * in sending order, so the walk stops at the first one young enough: each call costs the
   * expired messages (and old unanswered queries) it passes, not every message remembered,
   * which at thousands of calls a second (an ack per answer, kept ten minutes) made each
   * {@code pack} walk hundreds of thousands of acks. A container is forgotten with its last
   * message.
   */
  void prune(Instant now) {
    Instant limit = now.minus(SERVICE_TTL);
    for (Iterator<Sent> it = messages.values().iterator(); it.hasNext(); ) {
      Sent s = it.next();
      if (!s.sentAt().isBefore(limit)) {
        return;
      }
      if (s.message() == null || !s.message().contentRelated()) {
        it.remove();
        settled(s.containerId());
      }
    }
  }

  /** One message of container {@code containerId} (0: none) is gone. */
  private void settled(long containerId) {
    Container c = containerId == 0 ? null : containers.get(containerId);
    if (c != null && --c.left == 0) {
      containers.remove(containerId);
    }
  }

  int size() {
    return messages.size();
  }
}
