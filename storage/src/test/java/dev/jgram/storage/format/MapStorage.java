package dev.jgram.storage.format;

import dev.jgram.storage.InputPeer;
import dev.jgram.storage.Peer;
import dev.jgram.storage.Session;
import dev.jgram.storage.Storage;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A test double of the {@link Storage} contract, holding only what the format transfers use
 * (session, peers, update state, channel pts), so that these tests need no engine.
 */
final class MapStorage implements Storage {
  Session session = Session.EMPTY;
  final Map<Long, Peer> peers = new TreeMap<>();
  dev.jgram.storage.UpdateState state;
  final Map<Long, Integer> channelPts = new TreeMap<>();
  int writes;

  @Override public String name() {
    return ":map:";
  }

  @Override public void open() {}

  @Override public void save() {}

  @Override public void close() {}

  @Override public void delete() {}

  @Override public Session session() {
    return session;
  }

  @Override public void session(Session session) {
    this.session = session;
    writes++;
  }

  @Override public void updatePeers(Collection<Peer> peers) {
    throw new UnsupportedOperationException("imports must keep timestamps: use restorePeers");
  }

  @Override public void restorePeers(Collection<Peer> peers) {
    peers.forEach(p -> this.peers.put(p.id(), p));
    writes++;
  }

  @Override public InputPeer peerById(long id) {
    throw new UnsupportedOperationException();
  }

  @Override public InputPeer peerByUsername(String username) {
    throw new UnsupportedOperationException();
  }

  @Override public InputPeer peerByPhoneNumber(String phoneNumber) {
    throw new UnsupportedOperationException();
  }

  @Override public Optional<Peer> peer(long id) {
    return Optional.ofNullable(peers.get(id));
  }

  @Override public void forEachPeer(Consumer<Peer> action) {
    peers.values().forEach(action);
  }

  @Override public long peerCount() {
    return peers.size();
  }

  @Override public Optional<dev.jgram.storage.UpdateState> updateState() {
    return Optional.ofNullable(state);
  }

  @Override public void updateState(dev.jgram.storage.UpdateState state) {
    this.state = state;
    writes++;
  }

  @Override public OptionalInt channelPts(long channelId) {
    Integer pts = channelPts.get(channelId);
    return pts == null ? OptionalInt.empty() : OptionalInt.of(pts);
  }

  @Override public void channelPts(long channelId, int pts) {
    channelPts.put(channelId, pts);
    writes++;
  }

  @Override public Map<Long, Integer> allChannelPts() {
    return Map.copyOf(channelPts);
  }

  @Override public void revokeKey(String reason) {
    throw new UnsupportedOperationException();
  }

  @Override public Optional<String> keyRevocation() {
    return Optional.empty();
  }

  @Override public java.util.List<dev.jgram.storage.DcKey> dcKeys() {
    return java.util.List.of();
  }

  @Override public void dcKey(dev.jgram.storage.DcKey key) {
    throw new UnsupportedOperationException();
  }

  @Override public void removeDcKey(int dcId) {
    throw new UnsupportedOperationException();
  }
}
