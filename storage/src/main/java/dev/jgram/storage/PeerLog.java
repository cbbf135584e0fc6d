package dev.jgram.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
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
 * as the file, within {@link #MIN_MERGE_ROWS} and {@link #MAX_MERGE_ROWS}), before any read
 * that SQLite answers, on close, and on the next open after a crash. A killed
 * process thus loses no committed batch, and Pyrogram finds every peer once jgram has closed
 * the file (or opened it again after a crash).
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
  /** Ids appended since the sorted index was made that mayHold scans rather than sorts. */
  private static final int SCAN_IDS = 1024;
  /** Rows from which on the log's ids and username hashes are kept in memory. */
  static final int TRACK_ROWS = 4096;
  /** What a new log takes as {@link #TRACK_ROWS}; tests set 0 to track every log. */
  static volatile int trackRowsOfNewLogs = TRACK_ROWS;
  private static final String COLUMNS =
      "id, access_hash, type, username, other_usernames, phone_number, last_update_on";
  private static final int WIDTH = 7;

  private final Connection c;
  private final int trackRows = trackRowsOfNewLogs;
  private final LazyStatement appendOne;
  private final LazyStatement appendMany;
  private int pending;
  /**
   * Whether {@link #ids} and {@link #nameHashes} describe every row of the log. They are kept
   * only once it holds {@link #TRACK_ROWS} rows, so that the many small logs of a fleet's idle
   * sessions cost no memory; below that, merges and lookups treat the log's ids as unknown,
   * which costs little for so few rows.
   */
  private boolean tracked;
  /** The ids of the log's rows, in log order (when tracked). */
  private long[] ids = new long[0];
  /** ids[0..searchable), sorted, once a lookup asked (see mayHold); the rest are scanned. */
  private long[] searchIndex = new long[0];
  private int searchable;
  /** A 64-bit hash of each username in the log (when tracked; see mayRepeatNames). */
  private long[] nameHashes = new long[0];
  private int names;

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
    if (!tracked && pending + peers.size() >= trackRows) {
      track();
    }
    if (tracked) {
      remember(peers);
    }
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

  /** Starts tracking: reads the ids and usernames of the rows the log holds so far. */
  private void track() throws SQLException {
    ids = new long[Math.max(TRACK_ROWS, pending * 2)];
    nameHashes = new long[ids.length];
    names = 0;
    int row = 0;
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, username, other_usernames FROM " + TABLE
            + " ORDER BY rowid")) {
      while (rs.next() && row < pending) {
        long id = rs.getLong(1);
        ids[row++] = id;
        for (String u : usernames(id, rs.getString(2), rs.getString(3))) {
          addName(u);
        }
      }
    }
    tracked = row == pending;
  }

  private void remember(List<Peer> peers) {
    if (pending + peers.size() > ids.length) {
      ids = Arrays.copyOf(ids, Math.max(pending + peers.size(), ids.length * 2));
    }
    for (int i = 0; i < peers.size(); i++) {
      Peer p = peers.get(i);
      ids[pending + i] = p.id();
      for (String u : p.usernames()) {
        addName(u);
      }
    }
  }

  private void addName(String username) {
    if (names == nameHashes.length) {
      nameHashes = Arrays.copyOf(nameHashes, Math.max(64, names * 2));
    }
    nameHashes[names++] = hash(username);
  }

  /** Forgets the tracked ids and names: from here on they are unknown. */
  private void untrack() {
    tracked = false;
    ids = new long[0];
    nameHashes = new long[0];
    names = 0;
    searchIndex = new long[0];
    searchable = 0;
  }

  /**
   * Whether some username may appear more than once among the logged peers (twice in one
   * peer's rows, or in two peers'): true if the log is not tracked, or if two of its
   * usernames have the same 64-bit hash. False means every logged username is written once,
   * so none is contested within the log.
   */
  boolean mayRepeatNames() {
    if (!tracked) {
      return true;
    }
    long[] sorted = Arrays.copyOf(nameHashes, names);
    Arrays.sort(sorted);
    return repeats(sorted);
  }

  /** FNV-1a over the UTF-16 units, then a 64-bit finaliser (MurmurHash3's fmix64). */
  static long hash(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h = (h ^ s.charAt(i)) * 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }

  /**
   * Whether {@code id} may have a row in the log: false only if it certainly has none, so
   * that a lookup of an id no logged peer has needs no merge. Ids appended since the sorted
   * index was last made are scanned; it is made again when they outnumber an eighth of it.
   */
  boolean mayHold(long id) {
    if (!tracked) {
      return true;
    }
    if (pending - searchable > Math.max(SCAN_IDS, searchable / 8)) {
      searchIndex = Arrays.copyOf(ids, pending);
      Arrays.sort(searchIndex);
      searchable = pending;
    }
    if (Arrays.binarySearch(searchIndex, 0, searchable, id) >= 0) {
      return true;
    }
    for (int i = searchable; i < pending; i++) {
      if (ids[i] == id) {
        return true;
      }
    }
    return false;
  }

  /**
   * The ids of the log's rows, sorted; null if the log is not tracked.
   */
  long[] sortedIds() {
    if (!tracked) {
      return null;
    }
    long[] sorted = Arrays.copyOf(ids, pending);
    Arrays.sort(sorted);
    return sorted;
  }

  /** Whether sorted {@code ids} holds some id more than once. */
  static boolean repeats(long[] sorted) {
    for (int i = 1; i < sorted.length; i++) {
      if (sorted[i] == sorted[i - 1]) {
        return true;
      }
    }
    return false;
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
        long id = rs.getLong(1);
        Long hash = rs.getLong(2);
        if (rs.wasNull()) {
          hash = null;
        }
        String type = rs.getString(3);
        PeerType peerType;
        try {
          peerType = PeerType.fromValue(type);
        } catch (IllegalArgumentException e) {
          throw new StorageException(TABLE + ": peer " + id + " has type '" + type
              + "'; expected one of user, bot, group, channel, supergroup", e);
        }
        peers.add(new Peer(id, hash, peerType, usernames(id, rs.getString(4), rs.getString(5)),
            rs.getString(6), rs.getLong(7)));
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
    untrack();
  }

  /**
   * Re-reads the log's length after a rolled-back transaction: an append's rows are gone, a
   * failed merge's rows are back. What was tracked is forgotten (it may hold the rolled-back
   * append's ids), so ids and names count as unknown until the log is tracked again.
   */
  void resync() throws SQLException {
    pending = count(c);
    untrack();
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
