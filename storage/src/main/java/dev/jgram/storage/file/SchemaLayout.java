package dev.jgram.storage.file;

import java.util.Map;
import java.util.Set;

/**
 * The tables and columns a session file has, and what they mean for reading and writing it.
 * jgram decides by what is there (by name), not by the version number alone: pyrofork and
 * kurigram both wrote a "version 4" with different {@code usernames} tables.
 *
 * @param version the number in the {@code version} table
 * @param columns table name to its column names
 */
record SchemaLayout(int version, Map<String, Set<String>> columns) {

  /** The newest schema version jgram knows (kurigram's). */
  static final int NEWEST_KNOWN = 7;

  /** Which fork's {@code usernames} table the file has. */
  enum ForkUsernames {
    /** None (Pyrogram, or a jgram file). */
    NONE,
    /** pyrofork: {@code usernames(id TEXT PRIMARY KEY = the username, peer_id, last_update_on)}. */
    PYROFORK,
    /** kurigram: {@code usernames(id = the peer id, username)}, every username of every peer. */
    KURIGRAM
  }

  SchemaLayout {
    columns = Map.copyOf(columns);
  }

  boolean hasTable(String table) {
    return columns.containsKey(table);
  }

  boolean hasColumn(String table, String column) {
    Set<String> c = columns.get(table);
    return c != null && c.contains(column);
  }

  /** Whether {@code peers.username} exists (every schema but kurigram's 6 and 7). */
  boolean peersHaveUsername() {
    return hasColumn("peers", "username");
  }

  /**
   * Whether the file has Pyrogram's own layout: {@code peers.username}, and no fork's
   * usernames table (usernames beyond the first only in jgram's).
   */
  boolean lean() {
    return peersHaveUsername() && forkUsernames() == ForkUsernames.NONE;
  }

  ForkUsernames forkUsernames() {
    if (hasColumn("usernames", "peer_id")) {
      return ForkUsernames.PYROFORK;
    }
    if (hasColumn("usernames", "username") && hasColumn("usernames", "id")) {
      return ForkUsernames.KURIGRAM;
    }
    return ForkUsernames.NONE;
  }

  /** Whether a fork's {@code update_state} table is there to be read. */
  boolean hasForkUpdateState() {
    return hasColumn("update_state", "id") && hasColumn("update_state", "pts");
  }

  /** Whether jgram's own tables are all present. */
  boolean hasJgramTables() {
    return SqliteSchema.JGRAM_TABLES.stream().allMatch(this::hasTable);
  }

  /** Whether jgram's tables are all there in their current form (opening to write adds them). */
  boolean jgramCurrent() {
    return hasJgramTables() && usernamesHaveSeq();
  }

  /**
   * Whether {@code jgram_usernames} numbers its rows in a {@code seq} column (jgram schema 2);
   * before, the rowid did. False if there is no such table.
   */
  boolean usernamesHaveSeq() {
    return hasColumn("jgram_usernames", "seq");
  }

  /** Whether opening for writing migrates the file (Pyrogram schema 1 or 2). */
  boolean needsMigration() {
    return version < 3;
  }
}
