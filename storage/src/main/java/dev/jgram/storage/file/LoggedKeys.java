package dev.jgram.storage.file;

import java.util.Arrays;
import java.util.List;

/**
 * What the {@link PeerLog} keeps in memory of its rows, once it holds enough of them to make it
 * worth knowing: each row's id, in log order, and a 64-bit hash of each username. With these,
 * a lookup of an id no logged peer has needs no merge ({@link #mayHold}), and a merge knows
 * without asking SQLite whether any id or username was logged twice.
 */
final class LoggedKeys {
  /** Ids added since the sorted index was made that {@link #mayHold} scans rather than sorts. */
  private static final int SCAN_IDS = 1024;

  private long[] ids;
  private int count;
  private long[] nameHashes;
  private int names;
  /** ids[0..searchable), sorted, once a lookup asked; the rest are scanned. */
  private long[] searchIndex = new long[0];
  private int searchable;

  LoggedKeys(int capacity) {
    ids = new long[capacity];
    nameHashes = new long[capacity];
  }

  /** Records the next row: {@code id} with {@code usernames}. */
  void add(long id, List<String> usernames) {
    if (count == ids.length) {
      ids = Arrays.copyOf(ids, Math.max(64, count * 2));
    }
    ids[count++] = id;
    for (String u : usernames) {
      if (names == nameHashes.length) {
        nameHashes = Arrays.copyOf(nameHashes, Math.max(64, names * 2));
      }
      nameHashes[names++] = hash(u);
    }
  }

  /** Rows recorded. */
  int size() {
    return count;
  }

  /**
   * Whether {@code id} may have a row: false only if it certainly has none. Ids added since
   * the sorted index was last made are scanned; it is made again when they outnumber an
   * eighth of it.
   */
  boolean mayHold(long id) {
    if (count - searchable > Math.max(SCAN_IDS, searchable / 8)) {
      searchIndex = Arrays.copyOf(ids, count);
      Arrays.sort(searchIndex);
      searchable = count;
    }
    if (Arrays.binarySearch(searchIndex, 0, searchable, id) >= 0) {
      return true;
    }
    for (int i = searchable; i < count; i++) {
      if (ids[i] == id) {
        return true;
      }
    }
    return false;
  }

  /** The recorded ids, sorted. */
  long[] sortedIds() {
    long[] sorted = Arrays.copyOf(ids, count);
    Arrays.sort(sorted);
    return sorted;
  }

  /**
   * Whether some username may have been recorded twice (for one peer's two rows, or for two
   * peers): two of the hashes are equal. False means every username was recorded once.
   */
  boolean mayRepeatNames() {
    long[] sorted = Arrays.copyOf(nameHashes, names);
    Arrays.sort(sorted);
    return repeats(sorted);
  }

  /** Whether sorted {@code values} holds some value more than once. */
  static boolean repeats(long[] sorted) {
    for (int i = 1; i < sorted.length; i++) {
      if (sorted[i] == sorted[i - 1]) {
        return true;
      }
    }
    return false;
  }

  /** FNV-1a over the UTF-16 units, then a 64-bit finaliser (MurmurHash3's fmix64). */
  static long hash(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h = (h ^ s.charAt(i)) * 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }
}
