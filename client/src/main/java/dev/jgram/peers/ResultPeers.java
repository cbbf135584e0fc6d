package dev.jgram.peers;

import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.storage.Peer;
import dev.jgram.storage.Storage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * The peers any decoded API result or update names, and the cache rows they make.
 *
 * <p>The walk is schema-free: every {@code User} and {@code Chat} object anywhere in the result
 * counts, whether in a top-level {@code users}/{@code chats} vector ({@code updates}, {@code
 * updates.difference}, {@code messages.messages}, {@code contacts.resolvedPeer}, {@code
 * users.userFull}, ...), a single field ({@code auth.authorization.user}, {@code
 * auth.sentCodeSuccess.authorization.user}) or a bare {@code Vector<User>} result ({@code
 * users.getUsers}). A result type added later needs no code here.
 *
 * <p>Usage, once per RPC result, pushed update and difference, before it is handed on:
 *
 * <pre>{@code
 * Object result = codec.decode(body, "Object");   // a TlObject, or a List for a bare vector
 * ResultPeers.apply(storage, result);             // one updatePeers call, one commit
 * }</pre>
 *
 * <p>Rules beyond Pyrogram's {@code fetch_peers} (see {@link PeerMapping} for the mapping):
 *
 * <ul>
 *   <li>A {@code min} user or channel never writes its access hash. If the peer is cached, its
 *       other fields (type, usernames when it has any, phone when it has one) update the cached
 *       row, which keeps its stored access hash; if it is not cached, it is not written (as
 *       Pyrogram, which skips it), since a row without a usable hash would only hide the peer
 *       from a later full answer's lookup.
 *   <li>A full user or channel without {@code access_hash} keeps the stored hash, if any.
 *   <li>Everything else replaces the cached row whole, like Pyrogram's {@code REPLACE}.
 *   <li>When one answer shows a peer more than once, a full object wins over a {@code min} one,
 *       and otherwise the last one wins.
 * </ul>
 */
public final class ResultPeers {
  private ResultPeers() {}

  /**
   * Every peer {@code result} names, once each, in the order first seen.
   *
   * @param result a decoded {@link TlObject}, a {@link List} (bare vector result) or any other
   *     decoded value (a {@code Bool}, an {@code int}), which names no peers
   * @throws NullPointerException if {@code result} is null
   */
  public static List<SeenPeer> extract(Object result) {
    Objects.requireNonNull(result, "result");
    Map<Long, SeenPeer> byId = new LinkedHashMap<>();
    walk(result, byId);
    return List.copyOf(byId.values());
  }

  /**
   * The rows to write for {@code seen}, given what the cache holds.
   *
   * @param seen peers from {@link #extract(Object)}
   * @param stored the cached row for a marked id, if any; consulted only for {@code min} peers
   *     and peers without an access hash
   */
  public static List<Peer> rows(Collection<SeenPeer> seen, LongFunction<Optional<Peer>> stored) {
    List<Peer> rows = new ArrayList<>(seen.size());
    for (SeenPeer s : seen) {
      Peer peer = s.peer();
      if (s.min()) {
        stored.apply(peer.id()).flatMap(old -> mergeMin(old, peer)).ifPresent(rows::add);
      } else if (peer.accessHash() == null) {
        Long hash = stored.apply(peer.id()).map(Peer::accessHash).orElse(null);
        rows.add(Peer.of(peer.id(), hash, peer.type(), peer.usernames(), peer.phoneNumber()));
      } else {
        rows.add(peer);
      }
    }
    return rows;
  }

  /**
   * Extracts the peers of {@code result} and writes their rows in one {@link
   * Storage#updatePeers} call (one commit); writes nothing when there is nothing to write.
   * Reads the cached rows it needs first, so it assumes no other writer between the read and
   * the write (a client is its storage's only writer).
   *
   * @return the rows written
   */
  public static List<Peer> apply(Storage storage, Object result) {
    Objects.requireNonNull(storage, "storage");
    List<SeenPeer> seen = extract(result);
    if (seen.isEmpty()) {
      return List.of();
    }
    List<Peer> rows = rows(seen, storage::peer);
    if (!rows.isEmpty()) {
      storage.updatePeers(rows);
    }
    return rows;
  }

  /** The cached row updated with a {@code min} peer's non-secret fields, if any changed. */
  private static Optional<Peer> mergeMin(Peer old, Peer min) {
    Peer merged = Peer.of(old.id(), old.accessHash(), min.type(),
        min.usernames().isEmpty() ? old.usernames() : min.usernames(),
        min.phoneNumber() == null ? old.phoneNumber() : min.phoneNumber());
    return merged.equals(old.withLastUpdateOn(0)) ? Optional.empty() : Optional.of(merged);
  }

  private static void walk(Object value, Map<Long, SeenPeer> byId) {
    if (value instanceof TlObject object) {
      if (PeerMapping.isPeerObject(object)) {
        PeerMapping.map(object).ifPresent(seen -> keep(seen, byId));
        return;
      }
      for (Object field : object.fields().values()) {
        walk(field, byId);
      }
    } else if (value instanceof List<?> list) {
      for (Object element : list) {
        walk(element, byId);
      }
    }
  }

  private static void keep(SeenPeer seen, Map<Long, SeenPeer> byId) {
    SeenPeer earlier = byId.get(seen.peer().id());
    if (earlier == null || !seen.min() || earlier.min()) {
      byId.put(seen.peer().id(), seen);
    }
  }
}
