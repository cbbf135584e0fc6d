package dev.jgram.storage.file;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The SQL of username lookups, which depends on the file's {@link SchemaLayout}. */
final class PeerQueries {
  private PeerQueries() {}

  /**
   * The holders of a username (parameter 1), the winner first: the newest candidate
   * ({@code t}), ties to jgram rows ({@code src} 0), then to the later write ({@code seq}:
   * jgram's numbering, or a rowid).
   */
  static String byUsername(SchemaLayout layout) {
    List<String> parts = new ArrayList<>();
    if (layout.hasTable("jgram_usernames")) {
      parts.add(JGRAM_CANDIDATES.formatted(layout.usernamesHaveSeq() ? "u.seq" : "u.rowid"));
    }
    if (layout.peersHaveUsername()) {
      parts.add(PYROGRAM_CANDIDATES);
    }
    switch (layout.forkUsernames()) {
      case PYROFORK -> parts.add(PYROFORK_CANDIDATES);
      case KURIGRAM -> parts.add(KURIGRAM_CANDIDATES);
      case NONE -> { }
    }
    if (parts.isEmpty()) {
      return "SELECT id, access_hash, type, phone_number, last_update_on FROM peers"
          + " WHERE 0 AND ?1 IS NOT NULL";
    }
    return "SELECT id, access_hash, type, phone_number, last_update_on FROM (\n"
        + String.join("UNION ALL\n", parts) + ") ORDER BY t DESC, src ASC, seq DESC";
  }

  /**
   * jgram's rows, if still current for their peer (a later foreign REPLACE makes them stale).
   * Files from before jgram schema 2 (read-only, so not upgraded) order them by rowid.
   */
  private static final String JGRAM_CANDIDATES = """
      SELECT p.id, p.access_hash, p.type, p.phone_number, p.last_update_on,
             u.written_at AS t, 0 AS src, %s AS seq
      FROM jgram_usernames u JOIN peers p ON p.id = u.peer_id
      WHERE u.username = ?1 AND u.written_at >= p.last_update_on
      """;

  /** Pyrogram's single username per peer. */
  private static final String PYROGRAM_CANDIDATES = """
      SELECT id, access_hash, type, phone_number, last_update_on,
             last_update_on AS t, 1 AS src, 0 AS seq
      FROM peers WHERE username = ?1
      """;

  /** pyrofork's rows (never deleted by pyrofork, so only those as new as their peer count). */
  private static final String PYROFORK_CANDIDATES = """
      SELECT p.id, p.access_hash, p.type, p.phone_number, p.last_update_on,
             u.last_update_on AS t, 2 AS src, u.rowid AS seq
      FROM usernames u JOIN peers p ON p.id = u.peer_id
      WHERE u.id = ?1 AND u.last_update_on >= p.last_update_on
      """;

  /** kurigram's rows, timed by their peer's row. */
  private static final String KURIGRAM_CANDIDATES = """
      SELECT p.id, p.access_hash, p.type, p.phone_number, p.last_update_on,
             p.last_update_on AS t, 2 AS src, u.rowid AS seq
      FROM usernames u JOIN peers p ON p.id = u.id
      WHERE u.username = ?1
      """;

  /** The fork's usernames of one peer (parameters bound by {@link #bindForkUsernamesOf}). */
  static String forkUsernamesOf(SchemaLayout layout) {
    return switch (layout.forkUsernames()) {
      case PYROFORK -> "SELECT id FROM usernames WHERE peer_id = ? AND last_update_on >= ?"
          + " ORDER BY rowid";
      case KURIGRAM -> "SELECT username FROM usernames WHERE id = ? ORDER BY rowid";
      case NONE -> null;
    };
  }

  static void bindForkUsernamesOf(PreparedStatement s, SchemaLayout layout, long id,
      long peerUpdatedAt) throws SQLException {
    s.setLong(1, id);
    if (layout.forkUsernames() == SchemaLayout.ForkUsernames.PYROFORK) {
      s.setLong(2, peerUpdatedAt);
    }
  }
}
