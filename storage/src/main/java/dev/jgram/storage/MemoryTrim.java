package dev.jgram.storage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Decides whether a session file is small enough to give back its SQLite memory after each
 * write, and gives back the page cache when it is.
 *
 * <p>A connection's page cache keeps every page it has read until the connection closes
 * (SQLite also reserves its first 20 page slots in one block, some 85 KiB, at the first read),
 * and every compiled statement keeps its program (2 to 30 KiB each). For a fleet of small
 * sessions open at once that is most of each session's memory, kept for pages that the next
 * write reads again in microseconds from the OS's file cache and statements it compiles again
 * in a fraction of a millisecond. So a file of at most {@value #MAX_PAGES} pages (256 KiB,
 * about 2,000 peers) releases its page cache ({@code PRAGMA shrink_memory}) after every write,
 * and its owner frees its statements: an open small session then holds only the connection
 * itself between writes, at a bounded cost per write (re-reading at most {@value #MAX_PAGES}
 * pages, recompiling a few statements). A bigger file keeps both: there a batch touches
 * hundreds of scattered pages, and re-reading them every time would cost more than the write
 * itself. Files only grow while a session is open (jgram never vacuums one), so once a file is
 * seen to be bigger it is not asked again.
 */
final class MemoryTrim {
  /** The largest file, in pages, whose memory is given back after each write. */
  static final int MAX_PAGES = 64;

  private final Connection c;
  private boolean large;

  MemoryTrim(Connection c) {
    this.c = c;
  }

  /**
   * Releases the page cache if the file is small; call when no transaction is open. Returns
   * whether the file is small, so that the caller frees its statements too.
   */
  boolean afterWrite() throws SQLException {
    if (large) {
      return false;
    }
    // Compiled per call rather than kept: a kept statement would cost what this frees.
    try (var s = c.createStatement()) {
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
