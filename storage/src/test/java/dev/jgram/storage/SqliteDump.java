package dev.jgram.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Test helpers over raw SQLite: a logical dump, the integrity check, file digests. */
public final class SqliteDump {
  private SqliteDump() {}

  /**
   * The schema and every row of {@code file}, as text: equal dumps mean equal content
   * whatever the journal mode or page layout. Opens read-only; a {@code -wal} is read.
   */
  static String dump(Path file) {
    return dump(file, "?mode=ro");
  }

  /**
   * The dump of what a crash left: the file and its {@code -wal} or {@code -journal} are
   * copied to {@code scratch} and opened there read-write, so SQLite's recovery runs on the
   * copies and the originals stay as the crash left them.
   */
  static String dumpAfterRecovery(Path file, Path scratch) {
    try {
      Files.createDirectories(scratch);
      Path copy = scratch.resolve(file.getFileName());
      for (String suffix : new String[] {"", "-wal", "-journal"}) {
        Path from = file.resolveSibling(file.getFileName() + suffix);
        Path to = scratch.resolve(file.getFileName() + suffix);
        Files.deleteIfExists(to);
        if (Files.exists(from)) {
          Files.copy(from, to);
        }
      }
      Files.deleteIfExists(scratch.resolve(file.getFileName() + "-shm"));
      return dump(copy, "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String dump(Path file, String options) {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + file + options);
        Statement s = c.createStatement()) {
      StringBuilder out = new StringBuilder();
      List<String> tables = new ArrayList<>();
      List<String> keyed = new ArrayList<>(); // WITHOUT ROWID: read in key order
      try (ResultSet rs = s.executeQuery(
          "SELECT type, name, sql FROM sqlite_master ORDER BY type, name")) {
        while (rs.next()) {
          out.append(rs.getString(1)).append(' ').append(rs.getString(2)).append(": ")
              .append(rs.getString(3)).append('\n');
          if (rs.getString(1).equals("table")) {
            tables.add(rs.getString(2));
            if (rs.getString(3).toUpperCase(java.util.Locale.ROOT).endsWith("WITHOUT ROWID")) {
              keyed.add(rs.getString(2));
            }
          }
        }
      }
      for (String t : tables) {
        out.append("rows of ").append(t).append('\n');
        try (ResultSet rs = s.executeQuery("SELECT * FROM \"" + t + "\""
            + (keyed.contains(t) ? "" : " ORDER BY rowid"))) {
          int n = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            for (int i = 1; i <= n; i++) {
              Object v = rs.getObject(i);
              out.append(v instanceof byte[] b ? "x'" + HexFormat.of().formatHex(b) + "'"
                  : String.valueOf(v)).append(i < n ? "|" : "\n");
            }
          }
        }
      }
      return out.toString();
    } catch (SQLException e) {
      throw new IllegalStateException(file + ": cannot dump: " + e.getMessage(), e);
    }
  }

  /** The result of {@code PRAGMA integrity_check} (read-only). */
  public static String integrity(Path file) {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + file + "?mode=ro");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
      StringBuilder out = new StringBuilder();
      while (rs.next()) {
        out.append(out.length() == 0 ? "" : "; ").append(rs.getString(1));
      }
      return out.toString();
    } catch (SQLException e) {
      return "cannot check: " + e.getMessage();
    }
  }

  /** SHA-256 of a file, hex. */
  public static String sha256(Path file) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The names in {@code dir}, sorted. */
  static List<String> listing(Path dir) {
    try (var s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies a test resource to {@code target}, writable by its owner. */
  static Path copyResource(String resource, Path target) {
    try (var in = SqliteDump.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      Files.copy(in, target);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
