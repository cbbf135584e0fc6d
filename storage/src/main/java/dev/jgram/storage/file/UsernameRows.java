package dev.jgram.storage.file;

import dev.jgram.storage.lock.SessionLock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Inserts {@code jgram_usernames} rows, numbering them in write order.
 *
 * <p>A row's {@code seq} orders it among the rows of the same username written in the same
 * second: the later write wins a username. Files from before jgram schema 2, whose table has
 * no {@code seq} column and orders rows by rowid (opened read-only, so not upgraded), get rows
 * without it. The number is kept in memory: the first insert of a connection reads the
 * table's highest, and only one writer holds a session at a time ({@link SessionLock}), so no
 * one else adds rows meanwhile. A rolled-back insert leaves a gap, which orders nothing wrong.
 */
final class UsernameRows implements AutoCloseable {
  private final boolean numbered;
  private final LazyStatement insert;
  private final LazyStatement highest;
  /** The last number given; -1: not read yet. */
  private long last = -1;

  UsernameRows(Connection c, SchemaLayout layout) {
    numbered = layout.usernamesHaveSeq();
    insert = new LazyStatement(c, "INSERT INTO jgram_usernames (peer_id, position, username, "
        + "written_at" + (numbered ? ", seq) VALUES (?, ?, ?, ?, ?) ON CONFLICT (peer_id, "
        + "position) DO UPDATE SET username = excluded.username, written_at = "
        + "excluded.written_at, seq = excluded.seq" : ") VALUES (?, ?, ?, ?)"));
    highest = new LazyStatement(c, "SELECT max(seq) FROM jgram_usernames");
  }

  /**
   * Adds a row to the batch that {@link #flush} writes. A row already at the peer's position
   * is overwritten in place.
   */
  void add(long peerId, int position, String username, long writtenAt) throws SQLException {
    PreparedStatement s = insert.get();
    s.setLong(1, peerId);
    s.setInt(2, position);
    s.setString(3, username);
    s.setLong(4, writtenAt);
    if (numbered) {
      s.setLong(5, next());
    }
    s.addBatch();
  }

  /** Adds rows for {@code usernames} from position {@code from} on. */
  void addAll(long peerId, List<String> usernames, int from, long writtenAt)
      throws SQLException {
    for (int i = from; i < usernames.size(); i++) {
      add(peerId, i, usernames.get(i), writtenAt);
    }
  }

  private long next() throws SQLException {
    long seq = lastSeq() + 1;
    last = seq;
    return seq;
  }

  /** The highest number given to a row so far (0 if none), read from the table the first time. */
  long lastSeq() throws SQLException {
    if (last < 0) {
      last = Math.max(0, highest.queryLong());
    }
    return last;
  }

  /** Inserts the rows added since the last flush, if any. */
  void flush() throws SQLException {
    if (insert.prepared()) {
      insert.get().executeBatch();
    }
  }

  /** Frees the compiled statements; the numbering goes on where it was. */
  @Override
  public void close() throws SQLException {
    LazyStatement.closeAll(insert, highest);
  }
}
