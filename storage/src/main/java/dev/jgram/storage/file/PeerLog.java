package dev.jgram.storage.file;

import dev.jgram.storage.Peer;
import dev.jgram.storage.StorageException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The peer write log of a session file: {@code jgram_peer_log}, one row per written peer in
 * write order, with no index but its rowid.
 *
 * <p>Each {@code updatePeers} call commits its peers here, an append to the end of one
 * B-tree, instead of into Pyrogram's {@code peers} table with its three indexes, whose pages
 * every batch would otherwise dirty (and write to the WAL) again. Logged peers are merged into
 * {@code peers} in one transaction of many batches: when it is full (it holds as many peers
 * as the file, within {@link #MIN_MERGE_ROWS} and {@link #MAX_MERGE_ROWS}), on close, and on
 * the next open after a crash; reads do not wait for it, since the logged peers are held in
 * memory ({@link PeerLookups}). A killed process thus loses no committed batch, and Pyrogram
 * finds every peer once jgram has closed the file (or opened it again after a crash).
 *
 * <p>A row keeps the first username in {@code username}, as {@code peers} does, and any
 * further ones, in order, in {@code other_usernames} as one text: each as its length in
 * decimal, a colon, and the username itself ({@code 5:alice3:bob}), so that no username can
 * be mistaken for a separator.
 */
final class PeerLog implements AutoCloseable {
  static final String TABLE = "jgram_peer_log";

  /**
   * The log is merged once it holds as many peers as {@code peers} does, but no sooner than at
   * this many (about 8 MB of log) ...
   */
  static final int MIN_MERGE_ROWS = 1 << 17;
  /** ... and no later than at this many, whatever the size of the file. */
  static final int MAX_MERGE_ROWS = 1 << 20;

  private static final int ROWS = PeerWriter.ROWS;
  private static final String COLUMNS =
      "id, access_hash, type, username, other_usernames, phone_number, last_update_on";
  private static final int WIDTH = 7;

  private final Connection c;
  private final LazyStatement appendOne;
  private final LazyStatement appendMany;
  private int pending;

  /** A log on {@code c}, which must be able to write the log table; statements on first use. */
  PeerLog(Connection c) throws SQLException {
    this.c = c;
    String row = "(?" + ", ?".repeat(WIDTH - 1) + ")";
    String head = "INSERT INTO " + TABLE + " (" + COLUMNS + ") VALUES ";
    appendOne = new LazyStatement(c, head + row);
    appendMany = new LazyStatement(c, head + String.join(", ", Collections.nCopies(ROWS, row)));
    pending = count(c);
  }

  /** How many rows the log of {@code c}'s file holds (0 without a log table). */
  static int count(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + TABLE)) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  /** Logged peers not yet merged. */
  int pending() {
    return pending;
  }

  /** Appends {@code peers} (stamped) in the caller's transaction. */
  void append(List<Peer> peers) throws SQLException {
    int full = peers.size() / ROWS * ROWS;
    for (int from = 0; from < full; from += ROWS) {
      PreparedStatement many = appendMany.get();
      for (int r = 0; r < ROWS; r++) {
        bind(many, r * WIDTH, peers.get(from + r));
      }
      many.executeUpdate();
    }
    if (full < peers.size()) {
      PreparedStatement one = appendOne.get();
      for (Peer p : peers.subList(full, peers.size())) {
        bind(one, 0, p);
        one.addBatch();
      }
      one.executeBatch();
    }
    pending += peers.size();
  }

  /**
   * Every logged peer in write order, read from {@code c} (the owner's connection, or a
   * reader's); the last entry of each id wins when they are written together.
   */
  static List<Peer> read(Connection c) throws SQLException {
    List<Peer> peers = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT " + COLUMNS + " FROM " + TABLE
            + " ORDER BY rowid")) {
      while (rs.next()) {
        Peer a = SqlitePeers.address(rs);
        peers.add(new Peer(a.id(), a.accessHash(), a.type(),
            usernames(a.id(), rs.getString(4), rs.getString(5)), rs.getString(6),
            a.lastUpdateOn()));
      }
    }
    return peers;
  }

  /** Empties the log in the caller's transaction, after its peers were merged. */
  void clear() throws SQLException {
    try (Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM " + TABLE);
    }
    pending = 0;
  }

  /**
   * Re-reads the log's length after a rolled-back transaction: an append's rows are gone, a
   * failed merge's rows are back.
   */
  void resync() throws SQLException {
    pending = count(c);
  }

  private static void bind(PreparedStatement s, int base, Peer p) throws SQLException {
    int i = PeerWriter.bindAddress(s, base + 1, p);
    List<String> names = p.usernames();
    s.setString(i++, names.isEmpty() ? null : names.get(0));
    s.setString(i++, names.size() < 2 ? null : encode(names.subList(1, names.size())));
    s.setString(i++, p.phoneNumber());
    s.setLong(i, p.lastUpdateOn());
  }

  /** A peer's usernames from a row's two columns. */
  static List<String> usernames(long id, String first, String others) {
    if (first == null) {
      return List.of();
    }
    if (others == null) {
      return List.of(first);
    }
    List<String> names = new ArrayList<>(decode(id, others));
    names.add(0, first);
    return names;
  }

  /** {@code 5:alice3:bob}. */
  static String encode(List<String> usernames) {
    StringBuilder b = new StringBuilder();
    for (String u : usernames) {
      b.append(u.length()).append(':').append(u);
    }
    return b.toString();
  }

  /** The usernames {@link #encode} wrote for peer {@code id}. */
  static List<String> decode(long id, String text) {
    if (text == null) {
      return List.of();
    }
    List<String> names = new ArrayList<>(2);
    int at = 0;
    while (at < text.length()) {
      int colon = text.indexOf(':', at);
      int length = colon < 0 ? -1 : parseLength(text, at, colon);
      if (length < 0 || colon + 1 + length > text.length()) {
        throw new StorageException(TABLE + ": peer " + id + " has usernames that are not in "
            + "jgram's length:name form at position " + at);
      }
      names.add(text.substring(colon + 1, colon + 1 + length));
      at = colon + 1 + length;
    }
    return names;
  }

  private static int parseLength(String text, int from, int to) {
    if (to == from || to - from > 6) {
      return -1;
    }
    int n = 0;
    for (int i = from; i < to; i++) {
      char ch = text.charAt(i);
      if (ch < '0' || ch > '9') {
        return -1;
      }
      n = n * 10 + (ch - '0');
    }
    return n;
  }

  /** Frees the compiled statements; the next append compiles them again. */
  @Override
  public void close() throws SQLException {
    LazyStatement.closeAll(appendOne, appendMany);
  }
}
