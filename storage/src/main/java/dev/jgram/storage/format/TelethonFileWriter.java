package dev.jgram.storage.format;

import dev.jgram.storage.Peer;
import dev.jgram.storage.StorageException;
import dev.jgram.storage.UpdateState;
import dev.jgram.storage.sqlite.SqliteFiles;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes Telethon's schema 7. The DDL is Telethon 1.37's, character for character (SQLite
 * keeps it in {@code sqlite_master}), so the file is indistinguishable from one Telethon made.
 */
final class TelethonFileWriter {
  private static final String INDENT = "\n                    ";

  /** Telethon's {@code create table} statements, in its order. */
  static final List<String> DDL = List.of(
      "CREATE TABLE version (version integer primary key)",
      "CREATE TABLE sessions (" + INDENT + "dc_id integer primary key," + INDENT
          + "server_address text," + INDENT + "port integer," + INDENT + "auth_key blob,"
          + INDENT + "takeout_id integer\n                )",
      "CREATE TABLE entities (" + INDENT + "id integer primary key," + INDENT
          + "hash integer not null," + INDENT + "username text," + INDENT + "phone integer,"
          + INDENT + "name text," + INDENT + "date integer\n                )",
      "CREATE TABLE sent_files (" + INDENT + "md5_digest blob," + INDENT + "file_size integer,"
          + INDENT + "type integer," + INDENT + "id integer," + INDENT + "hash integer,"
          + INDENT + "primary key(md5_digest, file_size, type)\n                )",
      "CREATE TABLE update_state (" + INDENT + "id integer primary key," + INDENT
          + "pts integer," + INDENT + "qts integer," + INDENT + "date integer," + INDENT
          + "seq integer\n                )");

  private TelethonFileWriter() {}

  /**
   * Writes a new schema-7 file at {@code file}: session row, peers as entities, the self user
   * id as entity 0, the update state. The file is built beside the target and moved into
   * place, so a failure leaves nothing behind.
   *
   * @throws StorageException if {@code file} exists or cannot be written
   */
  static void write(WritableSession checked, Path file) {
    PortableSession session = checked.session();
    NewSessionTarget.create(file, "the Telethon session file", temp -> {
      try (Connection c = SqliteFiles.openForWriting(temp)) {
        c.setAutoCommit(false);
        create(c);
        insertSession(c, checked);
        insertEntities(c, session);
        insertUpdateStates(c, session);
        c.commit();
      }
    });
  }

  private static void create(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      for (String ddl : DDL) {
        st.execute(ddl);
      }
      st.execute("INSERT INTO version VALUES (" + TelethonSessionFile.VERSION + ")");
    }
  }

  private static void insertSession(Connection c, WritableSession checked) throws SQLException {
    PortableSession session = checked.session();
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO sessions VALUES (?, ?, ?, ?, ?)")) {
      byte[] key = session.authKey().bytes();
      ps.setInt(1, session.dcId());
      ps.setString(2, IpText.format(IpText.parse(session.serverAddress())));
      ps.setInt(3, session.port());
      ps.setBytes(4, key);
      String takeout = session.extras().get(PortableSession.EXTRA_TELETHON_TAKEOUT_ID);
      ps.setObject(5, takeout == null ? null : Long.parseLong(takeout)); // null binds NULL
      ps.executeUpdate();
      java.util.Arrays.fill(key, (byte) 0);
    }
  }

  private static void insertEntities(Connection c, PortableSession session) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT OR REPLACE INTO entities VALUES (?, ?, ?, ?, ?, ?)")) {
      Long self = session.session().userId();
      if (self != null) {
        add(ps, 0, self, null, null, session.session().date());
      }
      for (Peer p : session.peers()) {
        String username = p.primaryUsername();
        add(ps, p.id(), p.accessHash() == null ? 0 : p.accessHash(),
            username == null ? null : username.toLowerCase(Locale.ROOT),
            phone(p.phoneNumber()), p.lastUpdateOn());
      }
      ps.executeBatch();
    }
  }

  private static void add(PreparedStatement ps, long id, long hash, String username, Long phone,
      long date) throws SQLException {
    ps.setLong(1, id);
    ps.setLong(2, hash);
    ps.setString(3, username);
    ps.setObject(4, phone);
    ps.setNull(5, java.sql.Types.VARCHAR);
    ps.setLong(6, date);
    ps.addBatch();
  }

  /** Telethon keeps phones as integers; anything but digits is not a phone it could use. */
  private static Long phone(String phone) {
    if (phone == null || phone.isEmpty() || phone.length() > 18 || !phone.chars()
        .allMatch(ch -> ch >= '0' && ch <= '9')) {
      return null;
    }
    return Long.parseLong(phone);
  }

  private static void insertUpdateStates(Connection c, PortableSession session)
      throws SQLException {
    UpdateState state = session.updateState();
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT OR REPLACE INTO update_state VALUES (?, ?, ?, ?, ?)")) {
      if (state != null) {
        row(ps, 0, state.pts(), state.qts(), state.date(), state.seq());
      }
      int date = state == null ? 0 : state.date();
      for (Map.Entry<Long, Integer> e : session.channelPts().entrySet()) {
        row(ps, e.getKey(), e.getValue(), 0, date, 0);
      }
      ps.executeBatch();
    }
  }

  private static void row(PreparedStatement ps, long id, int pts, int qts, int date, int seq)
      throws SQLException {
    ps.setLong(1, id);
    ps.setInt(2, pts);
    ps.setInt(3, qts);
    ps.setInt(4, date);
    ps.setInt(5, seq);
    ps.addBatch();
  }
}
