package dev.jgram.storage.postgres;

import dev.jgram.storage.Peer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes peers: one SQL statement per batch, whatever its size, so that a batch is applied
 * whole or not at all. The batch travels as parallel arrays that {@code unnest} turns back into
 * rows; one statement upserts the peers and the claims of their usernames.
 *
 * <p>A claim a peer drops is not deleted: lookups accept a claim only while the username is
 * still in its peer's current list ({@link PeerReads}). Deleting dropped claims would cost a
 * scan of the session's claims per batch whenever the planner's statistics are stale, and
 * usernames change rarely, so the few dropped claims cost less kept than found.
 *
 * <p>Like Pyrogram's {@code REPLACE}, a peer's new entry replaces the old one whole: a null
 * phone erases the stored phone and the usernames list is replaced. When a batch names a peer
 * twice, the later entry wins, as it would with one REPLACE per row.
 */
final class PeerWrites {
  /** Batches above this size go as several statements in one transaction. */
  static final int CHUNK = 10_000;

  private static final String UPSERT = """
      WITH input AS (
        SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::bigint[])
          WITH ORDINALITY AS t(id, access_hash, type, phone_number, last_update_on, pos)
      ), names AS (
        SELECT * FROM unnest(?::bigint[], ?::text[])
          WITH ORDINALITY AS n(peer_id, username, pos)
      ), name_lists AS (
        SELECT peer_id, array_agg(username ORDER BY pos) AS usernames
        FROM names GROUP BY peer_id
      ), batch AS (
        SELECT nextval('${schema}.write_batches') AS no
      ), peers_written AS (
        INSERT INTO ${schema}.peers AS p
          (session, id, access_hash, type, usernames, phone_number, last_update_on)
        SELECT ?, i.id, i.access_hash, i.type, coalesce(l.usernames, '{}'),
          i.phone_number, i.last_update_on
        FROM input i LEFT JOIN name_lists l ON l.peer_id = i.id ORDER BY i.pos
        ON CONFLICT (session, id) DO UPDATE SET access_hash = excluded.access_hash,
          type = excluded.type, usernames = excluded.usernames,
          phone_number = excluded.phone_number, last_update_on = excluded.last_update_on
      )
      INSERT INTO ${schema}.usernames AS u
        (session, username, peer_id, last_update_on, write_batch, write_pos)
      SELECT DISTINCT ON (n.peer_id, n.username)
        ?, n.username, n.peer_id, i.last_update_on, b.no, i.pos
      FROM names n JOIN input i ON i.id = n.peer_id CROSS JOIN batch b
      ORDER BY n.peer_id, n.username
      ON CONFLICT (session, username, peer_id) DO UPDATE SET
        last_update_on = excluded.last_update_on, write_batch = excluded.write_batch,
        write_pos = excluded.write_pos""";

  private PeerWrites() {}

  /**
   * Writes {@code peers}, stamping each with {@code stamp} unless it is null (then each keeps
   * its own {@code lastUpdateOn}). Atomic: one statement, or one transaction of statements.
   *
   * @return the entries as stored, one per id
   */
  static List<Peer> write(Connection c, SessionRef ref, Collection<Peer> peers, Long stamp)
      throws SQLException {
    List<Peer> unique = lastEntryPerId(peers, stamp);
    if (unique.isEmpty()) {
      return unique;
    }
    if (unique.size() <= CHUNK) {
      upsert(c, ref, unique);
      return unique;
    }
    return Sql.inTransaction(c, tx -> upsertChunks(tx, ref, unique));
  }

  /**
   * Writes {@code peers} stamped with {@code stamp} on a connection already inside a
   * transaction (the caller commits), a chunk of statements at a time.
   *
   * @return the entries as stored, one per id
   */
  static List<Peer> writeInTransaction(Connection tx, SessionRef ref, Collection<Peer> peers,
      long stamp) throws SQLException {
    return upsertChunks(tx, ref, lastEntryPerId(peers, stamp));
  }

  private static List<Peer> upsertChunks(Connection tx, SessionRef ref, List<Peer> unique)
      throws SQLException {
    for (int from = 0; from < unique.size(); from += CHUNK) {
      upsert(tx, ref, unique.subList(from, Math.min(unique.size(), from + CHUNK)));
    }
    return unique;
  }

  private static List<Peer> lastEntryPerId(Collection<Peer> peers, Long stamp) {
    Map<Long, Peer> byId = new LinkedHashMap<>();
    for (Peer p : peers) {
      byId.remove(p.id());
      byId.put(p.id(), stamp == null ? p : p.withLastUpdateOn(stamp));
    }
    return new ArrayList<>(byId.values());
  }

  private static void upsert(Connection c, SessionRef ref, List<Peer> batch)
      throws SQLException {
    int n = batch.size();
    Long[] ids = new Long[n];
    Long[] hashes = new Long[n];
    String[] types = new String[n];
    String[] phones = new String[n];
    Long[] stamps = new Long[n];
    List<Long> nameOwners = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Peer p = batch.get(i);
      ids[i] = p.id();
      hashes[i] = p.accessHash();
      types[i] = p.type().value();
      phones[i] = p.phoneNumber();
      stamps[i] = p.lastUpdateOn();
      for (String u : p.usernames()) {
        nameOwners.add(p.id());
        names.add(u);
      }
    }
    try (PreparedStatement st = c.prepareStatement(ref.sql(UPSERT))) {
      st.setArray(1, c.createArrayOf("bigint", ids));
      st.setArray(2, c.createArrayOf("bigint", hashes));
      st.setArray(3, c.createArrayOf("text", types));
      st.setArray(4, c.createArrayOf("text", phones));
      st.setArray(5, c.createArrayOf("bigint", stamps));
      st.setArray(6, c.createArrayOf("bigint", nameOwners.toArray(new Long[0])));
      st.setArray(7, c.createArrayOf("text", names.toArray(new String[0])));
      st.setString(8, ref.session());
      st.setString(9, ref.session());
      st.executeUpdate();
    }
  }
}
