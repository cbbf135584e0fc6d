package dev.jgram.mtproto.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
   * At most this many service messages and acks are kept, whatever their age: a client that
   * sends thousands of calls a second would otherwise hold every ack for ten minutes. A
   * notification about one forgotten earlier is ignored, which costs at most a re-sent answer.
   */
  static final int MAX_SERVICE = 4096;

  /**
   * One sent message.
   *
   * @param message what the caller handed in, or null for the session's own {@code msgs_ack}
   * @param ackIds for a {@code msgs_ack}, the ids it acknowledged
   */
  record Sent(long msgId, int seqNo, long containerId, OutgoingMessage message, List<Long> ackIds,
      Instant sentAt) {}

  private final Map<Long, Sent> messages = new LinkedHashMap<>();
  private final Map<Long, List<Long>> containers = new LinkedHashMap<>();
  /**
   * No service message or ack here was sent before this (null: none is here), so
   * {@link #prune} scans the messages only once one may have expired.
   */
  private Instant oldestService;
  /**
   * Containers that may have lost their last message since the last {@link #prune}: those
   * added since, and those of the messages taken out since. Only these are checked, unless a
   * message taken out travelled in two containers ({@code shared}): then all are.
   */
  private final Set<Long> suspects = new HashSet<>();
  private final Set<Long> shared = new HashSet<>();
  private boolean checkAll;
  private int serviceCount;

  void add(Sent sent) {
    Sent previous = messages.put(sent.msgId(), sent);
    if (previous != null && !contentRelated(previous)) {
      serviceCount--;
    }
    if (!contentRelated(sent)) {
      serviceCount++;
    }
    if (previous != null && previous.containerId() != 0
        && previous.containerId() != sent.containerId()) {
      shared.add(sent.msgId());
    }
    if (!contentRelated(sent)
        && (oldestService == null || sent.sentAt().isBefore(oldestService))) {
      oldestService = sent.sentAt();
    }
  }

  void addContainer(long containerId, List<Long> inner) {
    containers.put(containerId, List.copyOf(inner));
    suspects.add(containerId);
  }

  Sent get(long msgId) {
    return messages.get(msgId);
  }

  boolean knows(long msgId) {
    return messages.containsKey(msgId) || containers.containsKey(msgId);
  }

  /** Forgets a settled message. */
  Sent remove(long msgId) {
    return removed(messages.remove(msgId));
  }

  /** Notes that {@code sent} (may be null) left: its container may be empty now. */
  private Sent removed(Sent sent) {
    if (sent != null) {
      if (!contentRelated(sent)) {
        serviceCount--;
      }
      if (sent.containerId() != 0) {
        suspects.add(sent.containerId());
      }
      if (shared.remove(sent.msgId())) {
        checkAll = true;
      }
    }
    return sent;
  }

  /** Takes out {@code msgId}, or every message of the container {@code msgId}. */
  List<Sent> take(long msgId) {
    List<Long> ids = containers.containsKey(msgId) ? containers.remove(msgId) : List.of(msgId);
    List<Sent> taken = new ArrayList<>();
    for (long id : ids) {
      Sent sent = removed(messages.remove(id));
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
        removed(s);
      }
    }
    return taken;
  }

  /** Forgets service messages and acks older than {@link #SERVICE_TTL}, and empty containers. */
  void prune(Instant now) {
    Instant limit = now.minus(SERVICE_TTL);
    if (oldestService != null && oldestService.isBefore(limit)) {
      pruneService(limit);
    }
    if (serviceCount > MAX_SERVICE) {
      pruneOldestService(serviceCount - MAX_SERVICE);
    }
    if (checkAll) {
      containers.values().removeIf(inner -> !anyKnown(inner));
    } else {
      for (long containerId : suspects) {
        List<Long> inner = containers.get(containerId);
        if (inner != null && !anyKnown(inner)) {
          containers.remove(containerId);
        }
      }
    }
    suspects.clear();
    checkAll = false;
  }

  /**
   * Forgets the expired service messages. The messages are kept in sending order (a message
   * re-filed under its container keeps its place), so the walk stops at the first service
   * message young enough, which becomes the oldest: each call costs the expired messages and
   * old unanswered queries it passes. A full scan here, once a client has sent for ten
   * minutes at a steady rate, would run on every pack (an ack expires every few calls) and
   * walk every message kept.
   */
  private void pruneService(Instant limit) {
    Instant oldest = null;
    for (Iterator<Sent> it = messages.values().iterator(); it.hasNext(); ) {
      Sent s = it.next();
      if (contentRelated(s)) {
        continue;
      }
      if (!s.sentAt().isBefore(limit)) {
        oldest = s.sentAt();
        break;
      }
      it.remove();
      removed(s);
    }
    oldestService = oldest;
  }

  /** Forgets the {@code excess} oldest service messages and acks (they are in sending order). */
  private void pruneOldestService(int excess) {
    Instant oldest = null;
    int left = excess;
    for (Iterator<Sent> it = messages.values().iterator(); it.hasNext(); ) {
      Sent s = it.next();
      if (contentRelated(s)) {
        continue;
      }
      if (left == 0) {
        oldest = s.sentAt();
        break;
      }
      it.remove();
      removed(s);
      left--;
    }
    oldestService = oldest;
  }

  private boolean anyKnown(List<Long> inner) {
    for (int i = 0; i < inner.size(); i++) {
      if (messages.containsKey(inner.get(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean contentRelated(Sent s) {
    return s.message() != null && s.message().contentRelated();
  }

  int size() {
    return messages.size();
  }
}
