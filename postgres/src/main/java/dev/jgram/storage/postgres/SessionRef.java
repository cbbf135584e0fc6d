package dev.jgram.storage.postgres;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;

/**
 * Which session of which schema a storage works on: the account tag that keys every row, the
 * schema that holds the tables, and the advisory-lock keys derived from both.
 *
 * @param schema the PostgreSQL schema (validated, lower-case identifier)
 * @param session the session name (account tag)
 */
record SessionRef(String schema, String session) {
  private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
  private static final int MAX_SESSION_LENGTH = 200;

  /** Validates both names with exact messages. */
  SessionRef {
    if (schema == null || !SCHEMA.matcher(schema).matches()) {
      throw new IllegalArgumentException(
          "schema must be a lower-case SQL identifier matching [a-z_][a-z0-9_]{0,62}, was "
              + (schema == null ? "null" : "'" + schema + "'"));
    }
    if (session == null || session.isBlank()) {
      throw new IllegalArgumentException(
          "session name must be a non-blank account tag, was "
              + (session == null ? "null" : "'" + session + "'"));
    }
    if (session.length() > MAX_SESSION_LENGTH || session.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(
          "session name must be at most " + MAX_SESSION_LENGTH
              + " characters without NUL, was " + session.length() + " characters");
    }
  }

  /** The name used in messages: {@code postgres:<schema>/<session>}. */
  String describe() {
    return "postgres:" + schema + "/" + session;
  }

  /** {@code sql} with every {@code ${schema}} replaced by the quoted schema name. */
  String sql(String sql) {
    return sql.replace("${schema}", "\"" + schema + "\"");
  }

  /** The key of the session-level advisory lock that is this session's lease. */
  long leaseKey() {
    return hash("jgram.lease\0" + schema + "\0" + session);
  }

  /** The key of the transaction-level advisory lock that serialises migrations of a schema. */
  static long migrationKey(String schema) {
    return hash("jgram.migrate\0" + schema);
  }

  private static long hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(digest).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
