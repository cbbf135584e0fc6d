package dev.jgram.storage.file;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The DDL of a session file: Pyrogram's schema 3 exactly as Pyrogram writes it, jgram's own
 * tables beside it, and Pyrogram's migrations from schemas 1 and 2.
 *
 * <p>SQLite keeps each {@code CREATE} statement's text verbatim in {@code sqlite_master}, so
 * the Pyrogram statements below are Pyrogram's text byte for byte (without the trailing
 * semicolon): a new jgram file is indistinguishable from Pyrogram's to Pyrogram.
 *
 * <p>jgram's tables, all prefixed {@code jgram_} so that they collide with no fork
 * (pyrofork and kurigram use {@code usernames} and {@code update_state}), hold what Pyrogram
 * has no place for; Pyrogram, pyrofork and kurigram ignore them:
 *
 * <table>
 *   <caption>jgram tables</caption>
 *   <tr><th>table</th><th>holds</th></tr>
 *   <tr><td>jgram_meta</td><td>key/value facts about the file (jgram schema number, see
 *       {@link #JGRAM_SCHEMA})</td></tr>
 *   <tr><td>jgram_usernames</td><td>the usernames of a peer that {@code peers.username}
 *       cannot tell (see {@link PeerWriter}), by position, with the time the peer was written;
 *       {@code seq} orders writes within one second</td></tr>
 *   <tr><td>jgram_update_state</td><td>the update state: id 0 is the common box, marked
 *       channel ids ({@code -100...}) hold channel pts (the forks' layout)</td></tr>
 *   <tr><td>jgram_peer_log</td><td>peers committed but not yet merged into {@code peers}, in
 *       write order (see {@link PeerLog})</td></tr>
 *   <tr><td>jgram_key_revocation</td><td>why and when the auth key was marked dead</td></tr>
 *   <tr><td>jgram_dc_keys</td><td>the auth keys of DCs other than the home DC, each with
 *       whether an authorisation was imported on it (see {@link DcKeyRows})</td></tr>
 *   <tr><td>jgram_auth_key</td><td>only in encrypted sessions: the sealed auth key (created
 *       by {@link AuthKeyAtRest}; {@code sessions.auth_key} is then NULL)</td></tr>
 * </table>
 */
public final class SqliteSchema {
  /**
   * jgram's own schema number, kept in {@code jgram_meta}. 3: {@code jgram_dc_keys}, the keys
   * of other DCs (see {@link DcKeyRows}); a jgram of schema 2 refuses such a file rather than
   * log in afresh on it without clearing the other DCs' authorisations, which belong to the
   * account that was logged in. 2: {@code jgram_usernames} keyed by peer and position,
   * numbered by {@code seq} (1: a rowid table with an index per peer).
   */
  public static final int JGRAM_SCHEMA = 3;

  static final List<String> JGRAM_TABLES =
      List.of("jgram_meta", "jgram_usernames", "jgram_update_state", "jgram_key_revocation",
          PeerLog.TABLE, DcKeyRows.TABLE);

  /** Pyrogram 2.x {@code create()}: tables, indices and trigger, each statement verbatim. */
  static final List<String> PYROGRAM_V3 = List.of(
      """
      CREATE TABLE sessions
      (
          dc_id     INTEGER PRIMARY KEY,
          api_id    INTEGER,
          test_mode INTEGER,
          auth_key  BLOB,
          date      INTEGER NOT NULL,
          user_id   INTEGER,
          is_bot    INTEGER
      )""",
      """
      CREATE TABLE peers
      (
          id             INTEGER PRIMARY KEY,
          access_hash    INTEGER,
          type           INTEGER NOT NULL,
          username       TEXT,
          phone_number   TEXT,
          last_update_on INTEGER NOT NULL DEFAULT (CAST(STRFTIME('%s', 'now') AS INTEGER))
      )""",
      """
      CREATE TABLE version
      (
          number INTEGER PRIMARY KEY
      )""",
      "CREATE INDEX idx_peers_id ON peers (id)",
      "CREATE INDEX idx_peers_username ON peers (username)",
      "CREATE INDEX idx_peers_phone_number ON peers (phone_number)",
      """
      CREATE TRIGGER trg_peers_last_update_on
          AFTER UPDATE
          ON peers
      BEGIN
          UPDATE peers
          SET last_update_on = CAST(STRFTIME('%s', 'now') AS INTEGER)
          WHERE id = NEW.id;
      END""");

  /** Pyrogram's initial rows, in the same transaction. */
  static final List<String> PYROGRAM_V3_ROWS = List.of(
      "INSERT INTO version VALUES (3)",
      "INSERT INTO sessions VALUES (2, NULL, NULL, NULL, 0, NULL, NULL)");

  /** jgram's tables; {@code IF NOT EXISTS} so that adding them to any file is idempotent. */
  static final List<String> JGRAM = List.of(
      """
      CREATE TABLE IF NOT EXISTS jgram_meta
      (
          key   TEXT PRIMARY KEY,
          value TEXT
      ) WITHOUT ROWID""",
      """
      CREATE TABLE IF NOT EXISTS jgram_usernames
      (
          peer_id    INTEGER NOT NULL,
          position   INTEGER NOT NULL,
          username   TEXT    NOT NULL,
          written_at INTEGER NOT NULL,
          seq        INTEGER NOT NULL,
          PRIMARY KEY (peer_id, position)
      ) WITHOUT ROWID""",
      "CREATE INDEX IF NOT EXISTS jgram_idx_usernames_username ON jgram_usernames (username)",
      """
      CREATE TABLE IF NOT EXISTS jgram_update_state
      (
          id   INTEGER PRIMARY KEY,
          pts  INTEGER,
          qts  INTEGER,
          date INTEGER,
          seq  INTEGER
      )""",
      """
      CREATE TABLE IF NOT EXISTS jgram_key_revocation
      (
          id         INTEGER PRIMARY KEY CHECK (id = 0),
          reason     TEXT    NOT NULL,
          revoked_at INTEGER NOT NULL,
          key_id     TEXT
      )""",
      """
      CREATE TABLE IF NOT EXISTS jgram_peer_log
      (
          id              INTEGER NOT NULL,
          access_hash     INTEGER,
          type            TEXT    NOT NULL,
          username        TEXT,
          other_usernames TEXT,
          phone_number    TEXT,
          last_update_on  INTEGER NOT NULL
      )""",
      DcKeyRows.CREATE,
      "INSERT OR IGNORE INTO jgram_meta (key, value) VALUES ('jgram_schema', '"
          + JGRAM_SCHEMA + "')",
      "UPDATE jgram_meta SET value = '" + JGRAM_SCHEMA + "' WHERE key = 'jgram_schema' "
          + "AND CAST(value AS INTEGER) < " + JGRAM_SCHEMA);

  /** Moves a jgram schema 1 {@code jgram_usernames} aside (its indexes go; their names return). */
  private static final List<String> USERNAMES_1_AWAY = List.of(
      "DROP INDEX IF EXISTS jgram_idx_usernames_username",
      "DROP INDEX IF EXISTS jgram_idx_usernames_peer_id",
      "ALTER TABLE jgram_usernames RENAME TO jgram_usernames_1");

  /** Schema 1's rows into schema 2's table: the rowid, which ordered writes, becomes seq. */
  private static final String USERNAMES_1_COPY = "INSERT OR REPLACE INTO jgram_usernames "
      + "(peer_id, position, username, written_at, seq) SELECT peer_id, position, username, "
      + "written_at, rowid FROM jgram_usernames_1 ORDER BY rowid";

  private SqliteSchema() {}

  /** Creates a new file's schema and rows in the current transaction. */
  static void createNew(Connection c) throws SQLException {
    run(c, PYROGRAM_V3);
    run(c, PYROGRAM_V3_ROWS);
    run(c, JGRAM);
  }

  /**
   * Brings a file up to date in the current transaction: Pyrogram's migrations (1 to 2
   * deletes every peer, 2 to 3 appends {@code api_id} to {@code sessions}), then jgram's
   * tables (a schema 1 {@code jgram_usernames} becomes schema 2's, rows kept; schema 3 adds
   * {@code jgram_dc_keys}). Fork schemas
   * (4 and up) keep their tables and version; only jgram tables are added.
   */
  static void upgrade(Connection c, SchemaLayout layout) throws SQLException {
    try (Statement s = c.createStatement()) {
      if (layout.version() < 2) {
        // Pyrogram 0.16 flushed peer caches that held access hashes of "min" peers.
        s.executeUpdate("DELETE FROM peers");
      }
      if (layout.version() < 3) {
        if (!layout.hasColumn("sessions", "api_id")) {
          s.executeUpdate("ALTER TABLE sessions ADD api_id INTEGER");
        }
        s.executeUpdate("UPDATE version SET number = 3");
      }
      boolean oldUsernames = layout.hasTable("jgram_usernames") && !layout.usernamesHaveSeq();
      if (oldUsernames) {
        run(c, USERNAMES_1_AWAY);
      }
      run(c, JGRAM);
      if (oldUsernames) {
        s.executeUpdate(USERNAMES_1_COPY);
        s.executeUpdate("DROP TABLE jgram_usernames_1");
      }
    }
  }

  private static void run(Connection c, List<String> statements) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.executeUpdate(sql);
      }
    }
  }
}
