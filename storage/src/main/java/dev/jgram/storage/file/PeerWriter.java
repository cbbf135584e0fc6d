package dev.jgram.storage.file;

import dev.jgram.storage.Peer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The write path of {@link SqlitePeers}: batched REPLACEs of Pyrogram's {@code peers} rows,
 * {@value #ROWS} rows per statement (sqlite-jdbc steps each row of an {@code executeBatch}
 * separately), and the username rows that {@code peers.username} cannot hold.
 *
 * <p>On files without a fork's usernames table, {@code jgram_usernames} rows are written only
 * where they say more than {@code peers.username} (which holds the first username): for the
 * further usernames of a peer with several, and for the first username too where another
 * peer holds it (in the file or earlier in the batch), so that the later write still wins a
 * tie within one second (the rows' {@code seq} orders writes; pyrofork likewise keeps rows
 * only for peers with several usernames). A peer's older rows are always deleted. Fork files
 * keep every username in jgram's and the fork's tables.
 */
final class PeerWriter implements AutoCloseable {
  /** Rows per multi-row statement. */
  static final int ROWS = 50;

  private final SchemaLayout layout;
  private final boolean hasUsernameColumn;
  private final boolean lean;
  private final int columns;
  private final LazyStatement upsertOne;
  private final LazyStatement upsertMany;
  private final LazyStatement deleteUsernames;
  private final UsernameRows usernameRows;
  private final LazyStatement holders;
  private final LazyStatement deleteForkUsernames;
  private final LazyStatement insertForkUsername;

  PeerWriter(Connection c, SchemaLayout layout) {
    this.layout = layout;
    this.hasUsernameColumn = layout.peersHaveUsername();
    this.lean = hasUsernameColumn && layout.forkUsernames() == SchemaLayout.ForkUsernames.NONE;
    this.columns = hasUsernameColumn ? 6 : 5;
    String head = "REPLACE INTO peers (id, access_hash, type, " + (hasUsernameColumn
        ? "username, " : "") + "phone_number, last_update_on) VALUES ";
    String row = "(?" + ", ?".repeat(columns - 1) + ")";
    upsertOne = new LazyStatement(c, head + row);
    upsertMany = new LazyStatement(c, head + String.join(", ", Collections.nCopies(ROWS, row)));
    deleteUsernames = new LazyStatement(c, "DELETE FROM jgram_usernames WHERE peer_id IN ("
        + marks(ROWS) + ")");
    usernameRows = new UsernameRows(c, layout);
    holders = !lean ? null : new LazyStatement(c, "SELECT username, id FROM peers WHERE "
        + "username IN (" + numbered(ROWS) + ") UNION ALL SELECT username, peer_id FROM "
        + "jgram_usernames WHERE username IN (" + numbered(ROWS) + ")");
    deleteForkUsernames = layout.forkUsernames() == SchemaLayout.ForkUsernames.KURIGRAM
        ? new LazyStatement(c, "DELETE FROM usernames WHERE id = ?") : null;
    insertForkUsername = LazyStatement.ofNullable(c, switch (layout.forkUsernames()) {
      case KURIGRAM -> "INSERT INTO usernames (id, username) VALUES (?, ?)";
      case PYROFORK -> "REPLACE INTO usernames (id, peer_id, last_update_on) VALUES (?, ?, ?)";
      case NONE -> null;
    });
  }

  /** Whether the file has Pyrogram's own layout: usernames beyond the first only in jgram's table. */
  boolean lean() {
    return lean;
  }

  /** How this writer inserts {@code jgram_usernames} rows (a merge of the log uses it too). */
  UsernameRows usernameRows() {
    return usernameRows;
  }

  private static String marks(int n) {
    return "?" + ", ?".repeat(n - 1);
  }

  private static String numbered(int n) {
    StringBuilder b = new StringBuilder("?1");
    for (int i = 2; i <= n; i++) {
      b.append(", ?").append(i);
    }
    return b.toString();
  }

  /** Writes {@code peers} (stamped, one entry per id) in the caller's transaction. */
  void write(List<Peer> peers) throws SQLException {
    Set<Long> contested = lean ? contested(peers) : Set.of();
    upsert(peers);
    deleteUsernames(peers);
    for (Peer p : peers) {
      int from = !lean || contested.contains(p.id()) ? 0 : 1;
      usernameRows.addAll(p.id(), p.usernames(), from, p.lastUpdateOn());
      writeForkUsernames(p);
    }
    usernameRows.flush();
    for (LazyStatement s : new LazyStatement[] {deleteForkUsernames, insertForkUsername}) {
      if (s != null && s.prepared()) { // not made where no row was ever added
        s.get().executeBatch();
      }
    }
  }

  private void upsert(List<Peer> peers) throws SQLException {
    int full = peers.size() / ROWS * ROWS;
    for (int from = 0; from < full; from += ROWS) {
      for (int r = 0; r < ROWS; r++) {
        bindUpsert(upsertMany.get(), r * columns, peers.get(from + r));
      }
      upsertMany.get().executeUpdate();
    }
    if (full < peers.size()) {
      for (Peer p : peers.subList(full, peers.size())) {
        bindUpsert(upsertOne.get(), 0, p);
        upsertOne.get().addBatch();
      }
      upsertOne.get().executeBatch();
    }
  }

  /**
   * Binds a peer's id, access hash (NULL if none) and type from parameter {@code i}; returns
   * the next parameter's index. Pyrogram binds the type as text into an INTEGER-affinity
   * column, where it stays TEXT; jgram does the same.
   */
  static int bindAddress(PreparedStatement s, int i, Peer p) throws SQLException {
    s.setLong(i++, p.id());
    if (p.accessHash() == null) {
      s.setNull(i++, Types.INTEGER);
    } else {
      s.setLong(i++, p.accessHash());
    }
    s.setString(i++, p.type().value());
    return i;
  }

  private void bindUpsert(PreparedStatement s, int base, Peer p) throws SQLException {
    int i = bindAddress(s, base + 1, p);
    if (hasUsernameColumn) {
      s.setString(i++, p.primaryUsername());
    }
    s.setString(i++, p.phoneNumber());
    s.setLong(i, p.lastUpdateOn());
  }

  private void deleteUsernames(List<Peer> peers) throws SQLException {
    for (int from = 0; from < peers.size(); from += ROWS) {
      for (int r = 0; r < ROWS; r++) {
        if (from + r < peers.size()) {
          deleteUsernames.get().setLong(r + 1, peers.get(from + r).id());
        } else {
          deleteUsernames.get().setNull(r + 1, Types.INTEGER);
        }
      }
      deleteUsernames.get().executeUpdate();
    }
  }

  /**
   * The ids of peers a username of which another peer holds too: earlier in the batch (any of
   * its usernames), or in the file (its first username, in {@code peers.username} or a
   * {@code jgram_usernames} row). Their first username gets a row of its own.
   */
  private Set<Long> contested(List<Peer> peers) throws SQLException {
    Set<Long> contested = new HashSet<>();
    Map<String, Long> claimed = new HashMap<>();
    List<Peer> named = new ArrayList<>();
    for (Peer p : peers) {
      for (String u : p.usernames()) {
        Long before = claimed.put(u, p.id());
        if (before != null && before != p.id()) {
          contested.add(p.id());
        }
      }
      if (!p.usernames().isEmpty()) {
        named.add(p);
      }
    }
    Map<String, Long> owner = new HashMap<>();
    for (Peer p : named) {
      owner.put(p.usernames().get(0), p.id());
    }
    for (int from = 0; from < named.size(); from += ROWS) {
      for (int r = 0; r < ROWS; r++) {
        if (from + r < named.size()) {
          holders.get().setString(r + 1, named.get(from + r).usernames().get(0));
        } else {
          holders.get().setNull(r + 1, Types.VARCHAR);
        }
      }
      try (ResultSet rs = holders.get().executeQuery()) {
        while (rs.next()) {
          Long mine = owner.get(rs.getString(1));
          if (mine != null && mine != rs.getLong(2)) {
            contested.add(mine);
          }
        }
      }
    }
    return contested;
  }

  private void writeForkUsernames(Peer p) throws SQLException {
    if (deleteForkUsernames != null) {
      deleteForkUsernames.get().setLong(1, p.id());
      deleteForkUsernames.get().addBatch();
    }
    for (String username : p.usernames()) {
      switch (layout.forkUsernames()) {
        case KURIGRAM -> {
          insertForkUsername.get().setLong(1, p.id());
          insertForkUsername.get().setString(2, username);
          insertForkUsername.get().addBatch();
        }
        case PYROFORK -> {
          if (p.usernames().size() > 1) { // pyrofork keeps only peers with several usernames
            insertForkUsername.get().setString(1, username);
            insertForkUsername.get().setLong(2, p.id());
            insertForkUsername.get().setLong(3, p.lastUpdateOn());
            insertForkUsername.get().addBatch();
          }
        }
        case NONE -> { }
      }
    }
  }

  @Override
  public void close() throws SQLException {
    LazyStatement.closeAll(upsertOne, upsertMany, deleteUsernames, holders,
        deleteForkUsernames, insertForkUsername);
    usernameRows.close();
  }
}
