package dev.jgram;

import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.peers.ResultPeers;
import dev.jgram.peers.SeenPeer;
import dev.jgram.storage.Peer;
import dev.jgram.storage.Storage;
import dev.jgram.storage.UpdateState;
import dev.jgram.updates.Delivery;
import dev.jgram.updates.MessageBox;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one turn of the update loop hands on and keeps: the deliveries, in order, and the peers
 * of the pushed objects they came in. {@link #finish} gives every delivery to the handlers first
 * and then writes those peers, the box's state and its channel pts in one storage commit, so a
 * crash between the two redelivers the batch rather than losing it. The peers of an RPC answer
 * (a difference, a sent message's updates) are not kept here: the client wrote them as the
 * answer arrived, before any handler saw it.
 */
final class UpdateBatch {
  /**
   * Shapes that cannot hold a {@code User} or {@code Chat} object (ids only, in peers and
   * entities), so the peer walk is skipped for them: the common push of a busy bot.
   */
  private static final Set<String> WITHOUT_PEERS = Set.of("updateShortMessage",
      "updateShortChatMessage");
  private final List<Delivery> deliveries = new ArrayList<>();
  private final Map<Long, SeenPeer> seen = new LinkedHashMap<>();

  /** Adds the deliveries of an RPC answer, whose peers the client has written already. */
  void addAnswered(List<Delivery> given) {
    deliveries.addAll(given);
  }

  /** Adds the deliveries one pushed object gave, and the peers that object names. */
  void add(Object source, List<Delivery> given) {
    deliveries.addAll(given);
    if (source instanceof TlObject t && WITHOUT_PEERS.contains(t.name())) {
      return;
    }
    for (SeenPeer p : ResultPeers.extract(source)) {
      SeenPeer earlier = seen.get(p.peer().id());
      if (earlier == null || !p.min() || earlier.min()) {
        seen.put(p.peer().id(), p);
      }
    }
  }

  /** How many deliveries the batch holds. */
  int size() {
    return deliveries.size();
  }

  /**
   * Hands every delivery to {@code handlers}, then commits the peers and the box's state.
   *
   * @param last what was committed last (skipped when nothing changed), updated
   * @return what was committed, or {@code last} when nothing was
   */
  Committed finish(Handlers handlers, MessageBox box, Storage storage, Committed last) {
    for (Delivery d : deliveries) {
      handlers.deliver(new Update(d.update(), d.state(),
          d.channel().map(c -> c.channelId()), d.channel().map(c -> c.pts())));
    }
    List<Peer> rows = ResultPeers.rows(seen.values(), storage::peer);
    Optional<UpdateState> state = box.state();
    Map<Long, Integer> channels = box.channelPts();
    Committed now = new Committed(state.orElse(null), channels);
    if (state.isEmpty()) {
      if (!rows.isEmpty()) {
        storage.updatePeers(rows);
      }
      return last;
    }
    if (rows.isEmpty() && now.equals(last)) {
      return last;
    }
    Map<Long, Integer> changed = new LinkedHashMap<>();
    channels.forEach((id, pts) -> {
      if (last == null || !Objects.equals(last.channels().get(id), pts)) {
        changed.put(id, pts);
      }
    });
    storage.commitUpdates(rows, state.get(), changed);
    return now;
  }

  /** The state and channel pts last written. */
  record Committed(UpdateState state, Map<Long, Integer> channels) {}
}
