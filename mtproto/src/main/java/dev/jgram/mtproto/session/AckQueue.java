package dev.jgram.mtproto.session;

import dev.jgram.mtproto.tl.TlObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Message ids waiting to be acknowledged, sent as {@code msgs_ack} of at most {@value
 * #MAX_IDS} ids each (§3.8) with the next outgoing message.
 */
final class AckQueue {
  /** The most ids one {@code msgs_ack} carries. */
  static final int MAX_IDS = 8192;

  private final LinkedHashSet<Long> pending = new LinkedHashSet<>();

  void add(long msgId) {
    pending.add(msgId);
  }

  void addAll(Collection<Long> msgIds) {
    pending.addAll(msgIds);
  }

  void remove(long msgId) {
    pending.remove(msgId);
  }

  int size() {
    return pending.size();
  }

  /** Empties the queue into groups of at most {@value #MAX_IDS} ids, one per msgs_ack. */
  List<List<Long>> drain() {
    List<List<Long>> groups = new ArrayList<>();
    List<Long> group = new ArrayList<>();
    for (long id : pending) {
      if (group.size() == MAX_IDS) {
        groups.add(List.copyOf(group));
        group.clear();
      }
      group.add(id);
    }
    if (!group.isEmpty()) {
      groups.add(List.copyOf(group));
    }
    pending.clear();
    return groups;
  }

  /** The body of {@code msgs_ack} for {@code ids}. */
  static byte[] body(List<Long> ids) {
    return ServiceTl.encode(TlObject.of("msgs_ack", "msg_ids", ids));
  }
}
