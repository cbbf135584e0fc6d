package dev.jgram.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Random;

/**
 * Seeded damage to a copy of a session file: random bytes in the 100-byte header or in table
 * pages, whole pages zeroed or swapped, truncation, appended junk, and, through SQLite itself,
 * dropped tables, columns of the wrong type, values of the wrong type, and missing or extra rows.
 */
final class FileMutations {
  private static final int PAGE = 4096;

  /** SQL that leaves a well-formed database that is a damaged session. */
  private static final String[] SQL = {
      "DROP TABLE sessions", "DROP TABLE peers", "DROP TABLE version",
      "DROP TABLE IF EXISTS jgram_meta", "DROP TABLE IF EXISTS jgram_usernames",
      "DROP TABLE IF EXISTS usernames", "DROP TABLE IF EXISTS update_state",
      "UPDATE sessions SET auth_key = 'not a key'", "UPDATE sessions SET auth_key = x'0011'",
      "UPDATE sessions SET auth_key = zeroblob(300)", "UPDATE sessions SET dc_id = 'two'",
      "UPDATE sessions SET date = 'yesterday'", "UPDATE sessions SET user_id = 1.5",
      "UPDATE sessions SET user_id = 'me'", "UPDATE sessions SET test_mode = 'yes'",
      "UPDATE sessions SET is_bot = x'01'", "UPDATE sessions SET dc_id = 99999999999",
      "DELETE FROM sessions", "INSERT INTO sessions (dc_id, date) VALUES (77, 0)",
      "UPDATE version SET number = 'three'", "UPDATE version SET number = 99",
      "UPDATE version SET number = -1", "DELETE FROM version", "INSERT INTO version VALUES (8)",
      "UPDATE peers SET type = 'alien'", "UPDATE peers SET type = 42",
      "UPDATE peers SET access_hash = 'hash'", "UPDATE peers SET id = 'x' WHERE rowid % 2 = 0",
      "UPDATE peers SET username = x'ff00'", "UPDATE peers SET phone_number = 12345",
      "UPDATE peers SET last_update_on = 'later'", "UPDATE peers SET access_hash = 1e300",
      "ALTER TABLE peers DROP COLUMN phone_number", "ALTER TABLE sessions DROP COLUMN auth_key",
      "ALTER TABLE sessions RENAME COLUMN user_id TO uid",
      "ALTER TABLE peers RENAME TO peers_old",
      "DROP TABLE sessions; CREATE TABLE sessions (dc_id TEXT, auth_key TEXT, date TEXT, "
          + "test_mode TEXT, user_id TEXT, is_bot TEXT, api_id TEXT); "
          + "INSERT INTO sessions VALUES ('a', 'b', 'c', 'd', 'e', 'f', 'g')",
      "DROP TABLE peers; CREATE TABLE peers (id BLOB, access_hash BLOB, type BLOB, username "
          + "BLOB, phone_number BLOB, last_update_on BLOB); INSERT INTO peers VALUES "
          + "(x'01', x'02', x'03', x'04', x'05', x'06')",
      "CREATE TABLE jgram_auth_key (id INTEGER PRIMARY KEY, sealed BLOB, key_id TEXT); "
          + "INSERT INTO jgram_auth_key VALUES (0, x'4a47414b01', 'x')",
      "CREATE TABLE jgram_key_revocation (id INTEGER PRIMARY KEY, reason TEXT, revoked_at "
          + "TEXT, key_id TEXT); INSERT INTO jgram_key_revocation VALUES (0, NULL, 'x', NULL)",
      "CREATE TABLE IF NOT EXISTS jgram_update_state (id INTEGER PRIMARY KEY, pts, qts, date, "
          + "seq); INSERT OR REPLACE INTO jgram_update_state VALUES (0, 'a', x'00', 1e99, -1)",
  };

  private final Random random;

  FileMutations(long seed) {
    this.random = new Random(seed);
  }

  /** Damages {@code file} in place with one of the mutations; returns its name. */
  String mutate(Path file) {
    try {
      if (Files.size(file) <= PAGE) {
        return append(file);
      }
      return switch (random.nextInt(10)) {
        case 0, 1 -> bytes(file, random.nextInt(100), 1 + random.nextInt(8), "header bytes");
        case 2, 3 -> bytes(file, PAGE + random.nextInt((int) Files.size(file) - PAGE),
            1 + random.nextInt(64), "page bytes");
        case 4 -> page(file);
        case 5 -> truncate(file);
        case 6 -> append(file);
        default -> sql(file);
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String bytes(Path file, long at, int n, String what) throws IOException {
    byte[] all = Files.readAllBytes(file);
    boolean flip = random.nextBoolean();
    for (int i = 0; i < n && at + i < all.length; i++) {
      int p = (int) (at + i);
      all[p] = flip ? (byte) (all[p] ^ (1 << random.nextInt(8))) : (byte) random.nextInt(256);
    }
    Files.write(file, all);
    return what + " " + (flip ? "flipped" : "randomised") + " at " + at + " (" + n + ")";
  }

  private String page(Path file) throws IOException {
    byte[] all = Files.readAllBytes(file);
    int pages = all.length / PAGE;
    if (pages == 0) {
      return truncate(file);
    }
    int p = random.nextInt(pages);
    String what;
    if (random.nextBoolean() || pages < 2) {
      Arrays.fill(all, p * PAGE, (p + 1) * PAGE, (byte) (random.nextBoolean() ? 0 : 0xff));
      what = "page " + (p + 1) + " filled";
    } else {
      int q = (p + 1 + random.nextInt(pages - 1)) % pages;
      byte[] t = Arrays.copyOfRange(all, p * PAGE, (p + 1) * PAGE);
      System.arraycopy(all, q * PAGE, all, p * PAGE, PAGE);
      System.arraycopy(t, 0, all, q * PAGE, PAGE);
      what = "pages " + (p + 1) + " and " + (q + 1) + " swapped";
    }
    Files.write(file, all);
    return what;
  }

  private String truncate(Path file) throws IOException {
    byte[] all = Files.readAllBytes(file);
    int cut = switch (random.nextInt(4)) {
      case 0 -> random.nextInt(100);
      case 1 -> PAGE * random.nextInt(all.length / PAGE);
      default -> random.nextInt(all.length);
    };
    Files.write(file, Arrays.copyOf(all, cut));
    return "truncated to " + cut;
  }

  private String append(Path file) throws IOException {
    byte[] junk = new byte[random.nextBoolean() ? 1 + random.nextInt(100) : PAGE];
    random.nextBytes(junk);
    Files.write(file, junk, java.nio.file.StandardOpenOption.APPEND);
    return "appended " + junk.length + " bytes";
  }

  private String sql(Path file) {
    String sql = SQL[random.nextInt(SQL.length)];
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      for (String statement : sql.split("; ")) {
        try {
          s.executeUpdate(statement);
        } catch (SQLException e) {
          // e.g. the column to drop is indexed: the damage is whatever did apply
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return "sql: " + sql;
  }
}
