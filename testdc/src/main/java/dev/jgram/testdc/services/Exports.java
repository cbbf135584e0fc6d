package dev.jgram.testdc.services;

import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster-wide table of exported authorisations: {@code (id, bytes) -> (user, target DC)},
 * each entry single use and valid for {@link #LIFETIME_SECONDS}; {@code id} is the user id.
 */
final class Exports {
  static final int LIFETIME_SECONDS = 300;

  private final Map<String, Entry> byBytes = new HashMap<>();

  /**
   * One export.
   *
   * @param userId the exporting account
   * @param targetDc the DC it may be imported on
   * @param expires when it expires, in Unix seconds
   */
  record Entry(long userId, int targetDc, long expires) {}

  void put(byte[] bytes, Entry entry) {
    byBytes.put(HexFormat.of().formatHex(bytes), entry);
  }

  /**
   * Takes the entry for these bytes if it matches the id and DC and is not expired. Taking
   * removes the entry whatever the outcome: an export is good for one import attempt.
   */
  Optional<Entry> take(long id, byte[] bytes, int dcId, long now) {
    Entry entry = byBytes.remove(HexFormat.of().formatHex(bytes));
    if (entry == null || entry.userId() != id || entry.targetDc() != dcId
        || entry.expires() < now) {
      return Optional.empty();
    }
    return Optional.of(entry);
  }
}
