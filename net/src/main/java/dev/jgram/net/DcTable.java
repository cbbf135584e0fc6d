package dev.jgram.net;

import dev.jgram.mtproto.api.DcOption;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The addresses of the data centres a client may dial, by DC id. Immutable: every change
 * returns a new table.
 *
 * <p>Built in, as Pyrogram, Telethon and GramJS ship them (IPv4):
 *
 * <pre>
 * | DC | production (port 443) | test servers (port 80) |
 * |----|-----------------------|------------------------|
 * | 1  | 149.154.175.53        | 149.154.175.10         |
 * | 2  | 149.154.167.51        | 149.154.167.40         |
 * | 3  | 149.154.175.100       | 149.154.175.117        |
 * | 4  | 149.154.167.91        | -                      |
 * | 5  | 91.108.56.130         | -                      |
 * </pre>
 *
 * <p>{@link #refreshed} applies {@code help.getConfig}'s {@code dc_options}: IPv4 entries for
 * the main connection only, skipping {@code media_only}, {@code cdn} and {@code tcpo_only}.
 */
public final class DcTable {
  /** The port of Telegram's production DCs. */
  public static final int PRODUCTION_PORT = 443;
  /** The port of Telegram's test DCs. */
  public static final int TEST_PORT = 80;

  private final Map<Integer, DcAddress> byId;

  private DcTable(Map<Integer, DcAddress> byId) {
    this.byId = Map.copyOf(byId);
  }

  /** Telegram's production DCs 1 to 5. */
  public static DcTable production() {
    return of(new DcAddress(1, "149.154.175.53", PRODUCTION_PORT),
        new DcAddress(2, "149.154.167.51", PRODUCTION_PORT),
        new DcAddress(3, "149.154.175.100", PRODUCTION_PORT),
        new DcAddress(4, "149.154.167.91", PRODUCTION_PORT),
        new DcAddress(5, "91.108.56.130", PRODUCTION_PORT));
  }

  /** Telegram's test DCs 1 to 3. */
  public static DcTable test() {
    return of(new DcAddress(1, "149.154.175.10", TEST_PORT),
        new DcAddress(2, "149.154.167.40", TEST_PORT),
        new DcAddress(3, "149.154.175.117", TEST_PORT));
  }

  /** The built-in table of production or test DCs. */
  public static DcTable builtIn(boolean testMode) {
    return testMode ? test() : production();
  }

  /** A table of exactly these addresses (a later one for the same id wins). */
  public static DcTable of(DcAddress... addresses) {
    return of(List.of(addresses));
  }

  /** A table of exactly these addresses (a later one for the same id wins). */
  public static DcTable of(Collection<DcAddress> addresses) {
    Map<Integer, DcAddress> map = new TreeMap<>();
    addresses.forEach(a -> map.put(a.id(), a));
    return new DcTable(map);
  }

  /** This table with {@code address} added or replacing the entry of its DC. */
  public DcTable with(DcAddress address) {
    Map<Integer, DcAddress> map = new TreeMap<>(byId);
    map.put(address.id(), address);
    return new DcTable(map);
  }

  /** The address of DC {@code id}, if known. */
  public Optional<DcAddress> find(int id) {
    return Optional.ofNullable(byId.get(id));
  }

  /**
   * The address of DC {@code id}.
   *
   * @throws NetException naming the DC and the known ids
   */
  public DcAddress address(int id) {
    DcAddress a = byId.get(id);
    if (a == null) {
      throw new NetException("no address for DC " + id + "; known DCs are " + ids()
          + " (give one with dc(" + id + ", host, port))");
    }
    return a;
  }

  /** The known DC ids, ascending. */
  public Set<Integer> ids() {
    return new TreeSet<>(byId.keySet());
  }

  /**
   * This table updated from {@code help.getConfig}'s {@code dc_options}: for each DC, the first
   * IPv4 option that is neither {@code media_only}, {@code cdn} nor {@code tcpo_only} replaces
   * the entry; DCs the options do not name keep theirs.
   */
  public DcTable refreshed(Collection<DcOption> options) {
    Map<Integer, DcAddress> fresh = new TreeMap<>();
    for (DcOption o : options) {
      if (!o.ipv6() && !o.mediaOnly() && !o.cdn() && !o.tcpoOnly() && o.id() > 0) {
        fresh.putIfAbsent(o.id(), new DcAddress(o.id(), o.ipAddress(), o.port()));
      }
    }
    Map<Integer, DcAddress> map = new TreeMap<>(byId);
    map.putAll(fresh);
    return new DcTable(map);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DcTable t && t.byId.equals(byId);
  }

  @Override
  public int hashCode() {
    return byId.hashCode();
  }

  @Override
  public String toString() {
    return "DcTable" + new TreeMap<>(byId).values();
  }
}
