package dev.jgram.bench.client;

import java.util.Locale;

/**
 * This process before and after a fleet of logged-in, idle clients, each after the GC settled.
 *
 * @param sessions clients in the fleet
 * @param loginSeconds wall time to build them all and log each bot in
 * @param rssBefore resident set size before, bytes
 * @param rssAfter resident set size with the fleet idle, bytes
 * @param heapBefore live Java heap before, bytes
 * @param heapAfter live Java heap with the fleet idle, bytes
 * @param threadsBefore live threads before
 * @param threadsAfter live threads with the fleet idle
 */
record FleetFigures(int sessions, double loginSeconds, long rssBefore, long rssAfter,
    long heapBefore, long heapAfter, int threadsBefore, int threadsAfter) {

  /** Resident growth per session, in KiB. */
  double rssKibPerSession() {
    return (rssAfter - rssBefore) / 1024.0 / sessions;
  }

  /** Live-heap growth per session, in KiB. */
  double heapKibPerSession() {
    return (heapAfter - heapBefore) / 1024.0 / sessions;
  }

  /** Report lines. */
  String lines() {
    return String.format(Locale.ROOT, "fleet                      %d sessions logged in in"
        + " %.1f s, idle: RSS %.1f KiB per session (%d → %d MiB), live heap %.1f KiB per"
        + " session%nfleet threads              %d before, %d with the fleet idle", sessions,
        loginSeconds, rssKibPerSession(), rssBefore >> 20, rssAfter >> 20, heapKibPerSession(),
        threadsBefore, threadsAfter);
  }
}
