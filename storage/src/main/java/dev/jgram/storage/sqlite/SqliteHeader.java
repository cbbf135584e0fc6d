package dev.jgram.storage.sqlite;

import dev.jgram.storage.InvalidSessionFileException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The first 100 bytes of an SQLite database file, read without SQLite, so that text, empty,
 * random and truncated files get an exact verdict naming the file before SQLite sees them.
 * The one header reader of jgram: the file engine, the foreign-file readers and the CLI use it.
 *
 * <table>
 *   <caption>Header fields used</caption>
 *   <tr><th>offset</th><th>size</th><th>field</th></tr>
 *   <tr><td>0</td><td>16</td><td>{@code "SQLite format 3\0"}</td></tr>
 *   <tr><td>16</td><td>2</td><td>page size, big-endian (1 means 65536)</td></tr>
 *   <tr><td>18</td><td>1</td><td>write version: 1 rollback journal, 2 WAL</td></tr>
 *   <tr><td>24</td><td>4</td><td>file change counter</td></tr>
 *   <tr><td>28</td><td>4</td><td>database size in pages (valid if offset 92 equals offset 24)</td></tr>
 *   <tr><td>92</td><td>4</td><td>version-valid-for number</td></tr>
 * </table>
 *
 * @param size the file's size in bytes
 * @param pageSize the page size in bytes
 * @param pageCount the page count the header claims, or -1 if that field is stale
 * @param wal whether the database is in WAL journal mode
 */
public record SqliteHeader(long size, int pageSize, long pageCount, boolean wal) {
  private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
  private static final int LENGTH = 100;

  /**
   * Reads and checks the header of {@code file}: the magic string, a power-of-two page size,
   * and a size that is whole pages and at least the pages the header claims. The size is not
   * checked while a non-empty {@code -wal} lies beside the file: a checkpoint cut short by a
   * crash leaves the file shorter than page 1 (written first) says, and the WAL still holds
   * every page.
   *
   * @throws InvalidSessionFileException naming the file and what is wrong with it
   */
  public static SqliteHeader read(Path file) {
    byte[] head = new byte[LENGTH];
    long size;
    int read;
    try (InputStream in = Files.newInputStream(file)) {
      size = Files.size(file);
      read = in.readNBytes(head, 0, LENGTH);
    } catch (IOException e) {
      throw invalid(file, "cannot read the file: " + e);
    }
    if (size == 0) {
      throw invalid(file, "is empty (0 bytes); expected an SQLite session database");
    }
    if (read < MAGIC.length || !startsWithMagic(head, MAGIC.length)) {
      throw invalid(file, "is not an SQLite database (" + size + " bytes, starting "
          + describeStart(head, read) + "); expected the header \"SQLite format 3\"");
    }
    if (read < LENGTH) {
      throw invalid(file, "is truncated: " + size + " bytes, shorter than the 100-byte header");
    }
    return check(file, size, ByteBuffer.wrap(head));
  }

  /** Whether {@code file} starts with SQLite's 16-byte header string; false if unreadable. */
  public static boolean isSqlite(Path file) {
    return magicPrefix(file) == MAGIC.length;
  }

  /**
   * Whether {@code file} is empty or starts with (a prefix of) SQLite's header string, so that
   * {@link #read} has the verdict on it; false if it cannot be read.
   */
  public static boolean mayBeSqlite(Path file) {
    int prefix = magicPrefix(file);
    return prefix == 0 || prefix > 0 && prefix != Integer.MAX_VALUE;
  }

  /** How many bytes the file has that match the magic (0 for empty), MAX_VALUE on mismatch. */
  private static int magicPrefix(Path file) {
    byte[] head = new byte[MAGIC.length];
    try (InputStream in = Files.newInputStream(file)) {
      int n = Math.max(in.readNBytes(head, 0, head.length), 0);
      return startsWithMagic(head, n) ? n : Integer.MAX_VALUE;
    } catch (IOException e) {
      return Integer.MAX_VALUE;
    }
  }

  private static SqliteHeader check(Path file, long size, ByteBuffer h) {
    int raw = Short.toUnsignedInt(h.getShort(16));
    int pageSize = raw == 1 ? 65536 : raw;
    if (pageSize < 512 || Integer.bitCount(pageSize) != 1) {
      throw invalid(file, "has a corrupt header: page size " + raw
          + "; expected a power of two from 512 to 65536");
    }
    boolean valid = h.getInt(24) == h.getInt(92);
    long pages = valid ? Integer.toUnsignedLong(h.getInt(28)) : -1;
    if (!hasWal(file) && (size % pageSize != 0 || (pages > 0 && size < pages * pageSize))) {
      throw invalid(file, "is truncated: " + size + " bytes, but its header says "
          + (pages > 0 ? pages + " pages of " : "pages of ") + pageSize + " bytes");
    }
    return new SqliteHeader(size, pageSize, pages, h.get(18) == 2);
  }

  private static boolean hasWal(Path file) {
    try {
      Path wal = SqliteFiles.sibling(file, "-wal");
      return Files.exists(wal) && Files.size(wal) > 0;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean startsWithMagic(byte[] head, int n) {
    for (int i = 0; i < Math.min(n, MAGIC.length); i++) {
      if (head[i] != MAGIC[i]) {
        return false;
      }
    }
    return true;
  }

  private static String describeStart(byte[] head, int read) {
    int i = 0;
    while (i < read && Character.isWhitespace(head[i])) {
      i++;
    }
    if (i < read && head[i] == '{') {
      return "'{': it looks like JSON, a gotd session or a pre-0.15 Pyrogram JSON session, "
          + "which jgram does not read as a file";
    }
    StringBuilder sb = new StringBuilder("0x");
    for (int j = 0; j < Math.min(read, 8); j++) {
      sb.append(String.format("%02x", head[j]));
    }
    return sb.toString();
  }

  private static InvalidSessionFileException invalid(Path file, String problem) {
    return new InvalidSessionFileException(file, file + ": " + problem);
  }
}
