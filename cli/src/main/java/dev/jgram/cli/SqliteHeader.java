package dev.jgram.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The first 100 bytes of an SQLite database file, read without SQLite so that a file that is
 * not a database, or is truncated, gets an exact one-line verdict and is never opened.
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
record SqliteHeader(long size, int pageSize, long pageCount, boolean wal) {

  private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
  private static final int LENGTH = 100;

  /**
   * Reads and validates the header of {@code file}.
   *
   * @throws CliException naming the file and what is wrong with it
   */
  static SqliteHeader read(Path file) {
    byte[] head = new byte[LENGTH];
    long size;
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      size = Files.size(file);
      n = in.readNBytes(head, 0, LENGTH);
    } catch (IOException e) {
      throw new CliException(file + ": cannot read: " + Failures.describe(e), e);
    }
    if (size == 0) {
      throw new CliException(file + ": empty file (0 bytes); expected an SQLite session database");
    }
    if (!startsWithMagic(head, n)) {
      throw new CliException(file + ": not an SQLite database (it does not start with "
          + "'SQLite format 3')" + contentHint(head, n));
    }
    if (n < LENGTH) {
      throw new CliException(file + ": truncated: " + size
          + " bytes, shorter than the 100-byte SQLite header");
    }
    return validate(file, size, ByteBuffer.wrap(head));
  }

  /**
   * Whether {@code file} is empty or starts with (a prefix of) SQLite's header string, so that
   * {@link #read} has the verdict on it; false if it cannot be read.
   */
  static boolean isSqlite(Path file) {
    byte[] head = new byte[MAGIC.length];
    try (InputStream in = Files.newInputStream(file)) {
      int n = in.readNBytes(head, 0, head.length);
      return n <= 0 || startsWithMagic(head, n);
    } catch (IOException e) {
      return false;
    }
  }

  private static SqliteHeader validate(Path file, long size, ByteBuffer h) {
    int raw = h.getShort(16) & 0xffff;
    int pageSize = raw == 1 ? 65536 : raw;
    if (pageSize < 512 || Integer.bitCount(pageSize) != 1) {
      throw new CliException(file + ": damaged SQLite header: page size " + raw
          + "; expected a power of two from 512 to 65536");
    }
    boolean valid = h.getInt(24) == h.getInt(92);
    long pages = valid ? h.getInt(28) & 0xffffffffL : -1;
    if (pages > 0 && size < pages * pageSize) {
      throw new CliException(file + ": truncated: " + size + " bytes, but its SQLite header "
          + "says " + pages + " pages of " + pageSize + " bytes (" + pages * pageSize + " bytes)");
    }
    if (size % pageSize != 0) {
      throw new CliException(file + ": truncated or damaged: " + size
          + " bytes is not a whole number of " + pageSize + "-byte pages");
    }
    return new SqliteHeader(size, pageSize, pages, h.get(18) == 2);
  }

  private static boolean startsWithMagic(byte[] head, int n) {
    int m = Math.min(n, MAGIC.length);
    for (int i = 0; i < m; i++) {
      if (head[i] != MAGIC[i]) {
        return false;
      }
    }
    return m > 0;
  }

  private static String contentHint(byte[] head, int n) {
    int i = 0;
    while (i < n && Character.isWhitespace(head[i])) {
      i++;
    }
    if (i < n && head[i] == '{') {
      return "; it looks like JSON (a gotd session, or a Pyrogram session older than 0.15?)";
    }
    return "";
  }
}
