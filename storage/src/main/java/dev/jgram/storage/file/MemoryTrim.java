package dev.jgram.storage.file;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Decides whether a session file is small enough to give back its SQLite memory after each
 * write, and gives back its page cache and the owner's compiled statements when it is.
 *
 * <p>A connection's page cache keeps every page it has read until the connection closes
 * (SQLite also reserves its first 20 page slots in one block, some 85 KiB, at the first read),
 * and every compiled statement keeps its program (2 to 30 KiB each). For a fleet of small
 * sessions open at once that is most of each session's memory, kept for pages that the next
 * write reads again in microseconds from the OS's file cache and statements it compiles again
 * in a fraction of a millisecond. So a file of at most {@value #MAX_PAGES} pages (256 KiB,
 * about 2,000 peers) releases its page cache ({@code PRAGMA shrink_memory}) and the owner's
 * statements after every write: an open small session then holds only the connection itself
 * between writes, at a bounded cost per write (re-reading at most {@value #MAX_PAGES} pages,
 * recompiling a few statements: some 0.2 ms). A bigger file keeps both: there a batch touches
 * hundreds of scattered pages, and re-reading them every time would cost more than the write
 * itself. Files only grow while a session is open (jgram never vacuums one), so once a file is
 * seen to be bigger it is not asked again.
 */
final class MemoryTrim {
  /** The largest file, in pages, whose memory is given back after each write. */
  static final int MAX_PAGES = 64;

  private final Connection c;
  private final SqliteCalls.SqlStep[] statements;
  private boolean large;

  /** Trims the memory of {@code c}, freeing {@code statements} too when the file is small. */
  MemoryTrim(Connection c, SqliteCalls.SqlStep... statements) {
    this.c = c;
    this.statements = statements;
  }

  /**
   * Gives back the page cache and the statements if the file is small; call when no
   * transaction is open. Never fails: what is not freed stays until the next write, and the
   * data is committed all the same.
   */
  void afterWrite() {
    try {
      if (isSmall()) {
        for (SqliteCalls.SqlStep r : statements) {
          r.run();
        }
      }
    } catch (SQLException e) {
      // nothing lost: the memory stays in use until the next write
    }
  }

  /** Whether the file is small; if so, its page cache has just been released. */
  boolean isSmall() throws SQLException {
    if (large) {
      return false;
    }
    // Compiled per call rather than kept: a kept statement would cost what this frees.
    try (Statement s = c.createStatement()) {
      long pages;
      try (ResultSet rs = s.executeQuery("PRAGMA page_count")) {
        pages = rs.next() ? rs.getLong(1) : 0;
      }
      if (pages > MAX_PAGES) {
        large = true;
        return false;
      }
      s.execute("PRAGMA shrink_memory");
      return true;
    }
  }
}
