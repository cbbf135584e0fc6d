package dev.jgram.storage.postgres;

import dev.jgram.storage.StorageException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * jgram's own numbered schema migrations, applied in order, all pending ones in one
 * transaction. Many processes may start on a fresh database at once: each takes a
 * transaction-level advisory lock of the schema first, so one migrates and the others wait,
 * then find the new version and apply nothing.
 *
 * <p>Applied versions are rows of {@code <schema>.schema_migrations}; the schema's version is
 * the highest. A schema newer than the newest migration known here is refused, never touched.
 */
final class Migrations {

  /** One numbered step; {@code ${schema}} in its SQL stands for the quoted schema name. */
  record Migration(int version, String description, String sql) {}

  /**
   * Version 1. Every row is keyed by the session name (the account tag), so one schema holds a
   * fleet's sessions. Text keys compare bytewise ({@code COLLATE "C"}): usernames match exactly,
   * as in Pyrogram. A peer keeps all its usernames in order in {@code peers.usernames}; the
   * {@code usernames} table has one row per (username, peer) claim with its own write time, so
   * that a username two peers claim resolves to the newest claim that still stands.
   */
  static final Migration V1 = new Migration(1, "sessions, peers, usernames, update state", """
      CREATE TABLE ${schema}.sessions (
        name       text COLLATE "C" PRIMARY KEY,
        dc_id      integer,
        api_id     integer,
        test_mode  boolean,
        auth_key   bytea CHECK (auth_key IS NULL OR length(auth_key) = 256),
        date       bigint NOT NULL DEFAULT 0,
        user_id    bigint,
        is_bot     boolean
      );
      CREATE TABLE ${schema}.peers (
        session        text COLLATE "C" NOT NULL,
        id             bigint NOT NULL,
        access_hash    bigint,
        type           text NOT NULL
                       CHECK (type IN ('user', 'bot', 'group', 'channel', 'supergroup')),
        usernames      text[] NOT NULL DEFAULT '{}',
        phone_number   text COLLATE "C",
        last_update_on bigint NOT NULL,
        PRIMARY KEY (session, id)
      );
      CREATE INDEX peers_phone_number ON ${schema}.peers (session, phone_number)
        WHERE phone_number IS NOT NULL;
      CREATE TABLE ${schema}.usernames (
        session        text COLLATE "C" NOT NULL,
        username       text COLLATE "C" NOT NULL,
        peer_id        bigint NOT NULL,
        last_update_on bigint NOT NULL,
        write_batch    bigint NOT NULL,
        write_pos      integer NOT NULL,
        PRIMARY KEY (session, username, peer_id)
      );
      CREATE SEQUENCE ${schema}.write_batches;
      CREATE TABLE ${schema}.update_states (
        session text COLLATE "C" PRIMARY KEY,
        pts     integer NOT NULL,
        qts     integer NOT NULL,
        date    integer NOT NULL,
        seq     integer NOT NULL
      );
      CREATE TABLE ${schema}.channel_pts (
        session    text COLLATE "C" NOT NULL,
        channel_id bigint NOT NULL,
        pts        integer NOT NULL,
        PRIMARY KEY (session, channel_id)
      );
      CREATE TABLE ${schema}.key_revocations (
        session    text COLLATE "C" PRIMARY KEY,
        reason     text NOT NULL,
        revoked_at bigint NOT NULL
      );
      CREATE TABLE ${schema}.owners (
        session     text COLLATE "C" PRIMARY KEY,
        host        text,
        pid         bigint NOT NULL,
        backend_pid integer NOT NULL,
        since       timestamptz NOT NULL
      );
      """);

  /**
   * Version 2. Pyrogram's api_id is an unsigned 32-bit number (0..4294967295), which a signed
   * {@code integer} cannot hold: version 1 kept api_ids of 2<sup>31</sup> and above as the
   * negative number with the same 32 bits, which this step turns into the real value.
   */
  static final Migration V2 = new Migration(2, "sessions.api_id holds the unsigned 32-bit value",
      """
      ALTER TABLE ${schema}.sessions
        ALTER COLUMN api_id TYPE bigint
          USING CASE WHEN api_id < 0 THEN api_id::bigint + 4294967296 ELSE api_id END,
        ADD CONSTRAINT sessions_api_id_uint32 CHECK (api_id BETWEEN 0 AND 4294967295);
      """);

  /**
   * Version 3. The auth keys of DCs other than the home DC (media DCs, a DC the caller chose,
   * the DC a login started on before a phone migration), one row per session and DC, with
   * whether an authorisation exported from the home DC was imported on the key.
   */
  static final Migration V3 = new Migration(3, "dc_keys: keys of other DCs", """
      CREATE TABLE ${schema}.dc_keys (
        session    text COLLATE "C" NOT NULL,
        dc_id      integer NOT NULL CHECK (dc_id > 0),
        auth_key   bytea NOT NULL CHECK (length(auth_key) = 256),
        authorized boolean NOT NULL,
        PRIMARY KEY (session, dc_id)
      );
      """);

  /** Every migration this jgram knows, in order. */
  static final Migrations ALL = new Migrations(List.of(V1, V2, V3));

  private static final String CREATE_HISTORY = """
      CREATE TABLE IF NOT EXISTS ${schema}.schema_migrations (
        version     integer PRIMARY KEY,
        description text NOT NULL,
        applied_at  timestamptz NOT NULL DEFAULT now()
      )""";

  private final List<Migration> migrations;

  Migrations(List<Migration> migrations) {
    for (int i = 0; i < migrations.size(); i++) {
      if (migrations.get(i).version() != i + 1) {
        throw new IllegalArgumentException("migrations must be numbered 1, 2, 3, ... in order");
      }
    }
    this.migrations = List.copyOf(migrations);
  }

  /** The newest version known. */
  int latest() {
    return migrations.size();
  }

  /**
   * Brings {@code ref}'s schema to the latest version. Returns at once when it is current;
   * otherwise migrates in one transaction under the schema's advisory lock.
   *
   * @throws StorageException if the schema is newer than the newest version known
   */
  void migrate(Connection c, SessionRef ref) throws SQLException {
    if (checkedVersion(c, ref) == latest()) {
      return;
    }
    Sql.inTransaction(c, tx -> {
      try (PreparedStatement lock = tx.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
        lock.setLong(1, SessionRef.migrationKey(ref.schema()));
        lock.execute();
      }
      try (Statement st = tx.createStatement()) {
        st.execute(ref.sql("CREATE SCHEMA IF NOT EXISTS ${schema}"));
        st.execute(ref.sql(CREATE_HISTORY));
      }
      applyPending(tx, ref, checkedVersion(tx, ref));
      return null;
    });
  }

  private void applyPending(Connection tx, SessionRef ref, int from) throws SQLException {
    for (Migration m : migrations.subList(from, migrations.size())) {
      try (Statement st = tx.createStatement()) {
        st.execute(ref.sql(m.sql()));
      }
      try (PreparedStatement record = tx.prepareStatement(ref.sql(
          "INSERT INTO ${schema}.schema_migrations (version, description) VALUES (?, ?)"))) {
        record.setInt(1, m.version());
        record.setString(2, m.description());
        record.executeUpdate();
      }
    }
  }

  /**
   * The schema's version (0 when it has no jgram tables).
   *
   * @throws StorageException if the schema is newer than the newest version known
   */
  int checkedVersion(Connection c, SessionRef ref) throws SQLException {
    int version = version(c, ref.schema());
    if (version > latest()) {
      throw new StorageException(
          ref.describe() + ": schema " + ref.schema() + " is at version " + version
              + ", newer than the newest this jgram knows (" + latest()
              + "); upgrade jgram to use it");
    }
    return version;
  }

  /** The highest applied version of {@code schema}, 0 when it has no migration history. */
  static int version(Connection c, String schema) throws SQLException {
    try (PreparedStatement exists = c.prepareStatement(
        "SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = ? AND tablename = ?")) {
      exists.setString(1, schema);
      exists.setString(2, "schema_migrations");
      try (ResultSet rs = exists.executeQuery()) {
        if (!rs.next()) {
          return 0;
        }
      }
    }
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(
            "SELECT coalesce(max(version), 0) FROM \"" + schema + "\".schema_migrations")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
