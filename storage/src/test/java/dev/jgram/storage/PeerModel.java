package dev.jgram.storage;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The peer-cache contract as plainly as it can be written, as an oracle for engines: every
 * entry replaces its id's whole entry; a username or phone resolves to the newest current
 * holder (a tie in seconds going to the later write), and a username expires after the TTL.
 */
public final class PeerModel {
  private record Held(Peer peer, long seq) {}

  private final TestClock clock;
  private final long ttlSeconds = StorageConfig.DEFAULTS.usernameTtl().getSeconds();
  private final Map<Long, Held> peers = new LinkedHashMap<>();
  private long seq;

  public PeerModel(TestClock clock) {
    this.clock = clock;
  }

  public void updatePeers(List<Peer> batch) {
    for (Peer p : batch) {
      peers.put(p.id(), new Held(p.withLastUpdateOn(clock.seconds()), ++seq));
    }
  }

  public String byId(long id) {
    Held h = peers.get(id);
    return h == null ? PeerNotFoundException.Reason.ID_NOT_FOUND.name()
        : h.peer().toInputPeer().toString();
  }

  public String byUsername(String username) {
    Optional<Held> winner = newest(h -> h.peer().usernames().contains(username));
    if (winner.isEmpty()) {
      return PeerNotFoundException.Reason.USERNAME_NOT_FOUND.name();
    }
    if (Math.abs(clock.seconds() - winner.get().peer().lastUpdateOn()) > ttlSeconds) {
      return PeerNotFoundException.Reason.USERNAME_EXPIRED.name();
    }
    return winner.get().peer().toInputPeer().toString();
  }

  public String byPhone(String phone) {
    return newest(h -> phone.equals(h.peer().phoneNumber()))
        .map(h -> h.peer().toInputPeer().toString())
        .orElse(PeerNotFoundException.Reason.PHONE_NOT_FOUND.name());
  }

  public Optional<Peer> peer(long id) {
    return Optional.ofNullable(peers.get(id)).map(Held::peer);
  }

  public long count() {
    return peers.size();
  }

  private Optional<Held> newest(java.util.function.Predicate<Held> holds) {
    return peers.values().stream().filter(holds).max(Comparator
        .comparingLong((Held h) -> h.peer().lastUpdateOn()).thenComparingLong(Held::seq));
  }
}
