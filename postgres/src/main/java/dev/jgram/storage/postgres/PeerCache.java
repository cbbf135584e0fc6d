package dev.jgram.storage.postgres;

import dev.jgram.storage.Peer;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The least recently used peers by id, in front of the database. It is filled by id lookups
 * only, and kept coherent by the storage: the lease makes it the session's only writer, so it
 * refreshes the entries it writes, and clears everything whenever its connection (and with it
 * the lease) was lost, since another owner may have written meanwhile. Not thread-safe: the
 * storage calls it under its own lock.
 */
final class PeerCache {
  private final int capacity;
  private final Map<Long, Peer> peers;

  PeerCache(int capacity) {
    this.capacity = capacity;
    this.peers = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Long, Peer> eldest) {
        return size() > PeerCache.this.capacity;
      }
    };
  }

  /** The cached entry for {@code id}, or {@code null}. */
  Peer get(long id) {
    return peers.get(id);
  }

  void put(Peer peer) {
    if (capacity > 0) {
      peers.put(peer.id(), peer);
    }
  }

  /** Replaces the cached entries of peers just written; others stay uncached. */
  void refresh(Collection<Peer> written) {
    for (Peer p : written) {
      peers.computeIfPresent(p.id(), (id, old) -> p);
    }
  }

  void clear() {
    peers.clear();
  }
}
