package dev.jgram.storage.file;

import dev.jgram.storage.Peer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collections;
import java.util.List;

/**
 * How the log is merged into a file with a fork's usernames table (pyrofork, kurigram):
 * batched REPLACEs of the {@code peers} rows, {@value #ROWS} rows per statement (sqlite-jdbc
 * steps each row of an {@code executeBatch} separately), every username in
 * {@code jgram_usernames} (the rows' {@code seq} orders writes, so the later write wins a tie
 * within one second) and in the fork's own table, the fork's way. A peer's older rows are
 * always deleted. Files with Pyrogram's own layout merge through {@link LogMerge}.
 */
final class PeerWriter implements AutoCloseable {
  /** Rows per multi-row statement. */
  static final int ROWS = 50;

  private final SchemaLayout layout;
  private final boolean hasUsernameColumn;
  private final int columns;
  private final LazyStatement upsertOne;
  private final LazyStatement upsertMany;
  private final LazyStatement deleteUsernames;
  private final UsernameRows usernameRows;
  private final LazyStatement deleteForkUsernames;
  private final LazyStatement insertForkUsername;

  PeerWriter(Connection c, SchemaLayout layout) {
    this.layout = layout;
    this.hasUsernameColumn = layout.peersHaveUsername();
    this.columns = hasUsernameColumn ? 6 : 5;
    String head = "REPLACE INTO peers (id, access_hash, type, " + (hasUsernameColumn
        ? "username, " : "") + "phone_number, last_update_on) VALUES ";
    String row = "(?" + ", ?".repeat(columns - 1) + ")";
    upsertOne = new LazyStatement(c, head + row);
    upsertMany = new LazyStatement(c, head + String.join(", ", Collections.nCopies(ROWS, row)));
    deleteUsernames = new LazyStatement(c, "DELETE FROM jgram_usernames WHERE peer_id IN (?"
        + ", ?".repeat(ROWS - 1) + ")");
    usernameRows = new UsernameRows(c, layout);
    deleteForkUsernames = layout.forkUsernames() == SchemaLayout.ForkUsernames.KURIGRAM
        ? new LazyStatement(c, "DELETE FROM usernames WHERE id = ?") : null;
    insertForkUsername = LazyStatement.ofNullable(c, switch (layout.forkUsernames()) {
      case KURIGRAM -> "INSERT INTO usernames (id, username) VALUES (?, ?)";
      case PYROFORK -> "REPLACE INTO usernames (id, peer_id, last_update_on) VALUES (?, ?, ?)";
      case NONE -> null;
    });
  }

  /** Writes {@code peers} (stamped, one entry per id) in the caller's transaction. */
  void write(List<Peer> peers) throws SQLException {
    upsert(peers);
    deleteUsernames(peers);
    for (Peer p : peers) {
      usernameRows.addAll(p.id(), p.usernames(), 0, p.lastUpdateOn());
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
    LazyStatement.closeAll(upsertOne, upsertMany, deleteUsernames, deleteForkUsernames,
        insertForkUsername);
    usernameRows.close();
  }
}
