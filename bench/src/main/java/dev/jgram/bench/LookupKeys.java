package dev.jgram.bench;

import dev.jgram.storage.Peer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random lookup keys over a {@link Workload}: ids and usernames and phone numbers that are
 * there, drawn uniformly (any of a peer's usernames counts), and ids that are not.
 *
 * <p>Usernames and phone numbers are fresh copies of the stored strings, as a client's lookup
 * gets a string just parsed from a message or a command: their hash is not yet computed and
 * comparing them reads their bytes.
 *
 * <p>Missing ids are user ids just past the generated range ({@code 100,000,000 + n + k}, k
 * below n), so they land beside real keys in the index rather than far away from them.
 */
record LookupKeys(long[] ids, String[] usernames, String[] phones, long[] missingIds) {

  /** Draws {@code count} keys of each kind from {@code random}. */
  static LookupKeys draw(Workload workload, int count, SplittableRandom random) {
    int n = workload.size();
    List<String> allNames = new ArrayList<>();
    List<String> allPhones = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Peer p = workload.peer(i);
      allNames.addAll(p.usernames());
      if (p.phoneNumber() != null) {
        allPhones.add(p.phoneNumber());
      }
    }
    long[] ids = new long[count];
    String[] names = new String[count];
    String[] phones = new String[count];
    long[] missing = new long[count];
    for (int k = 0; k < count; k++) {
      ids[k] = workload.peer(random.nextInt(n)).id();
      names[k] = fresh(pick(allNames, random));
      phones[k] = fresh(pick(allPhones, random));
      missing[k] = 100_000_000L + n + random.nextInt(n);
    }
    return new LookupKeys(ids, names, phones, missing);
  }

  private static String fresh(String s) {
    return String.valueOf(s.toCharArray());
  }

  private static String pick(List<String> pool, SplittableRandom random) {
    if (pool.isEmpty()) {
      throw new IllegalStateException("the workload has no key of this kind; use more peers");
    }
    return pool.get(random.nextInt(pool.size()));
  }
}
