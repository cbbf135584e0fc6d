package dev.jgram.mtproto.session;

import dev.jgram.mtproto.RandomSource;
import dev.jgram.mtproto.tl.TlReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The server salts of one auth key, as the server keeps them (§3.5): salt number k is valid
 * from {@code start + k·period} for {@code period + grace}, so a new salt takes over every
 * period and the previous one is still accepted for {@code grace} more. Telegram's values
 * ({@link #telegram}) are 30 minutes and 1800 s; a test server chooses short ones. Salt 0 is
 * the one the key exchange produced; later salts come from the random source as they are
 * needed. Not thread-safe; the owning {@link AuthKeySessions} guards it.
 */
public final class SaltSchedule {
  private final Instant start;
  private final Duration period;
  private final Duration grace;
  private final RandomSource random;
  private final TreeMap<Long, Long> salts = new TreeMap<>();
  private final long periodNanos;
  private final long graceWindows;

  private SaltSchedule(long firstSalt, Instant start, Duration period, Duration grace,
      RandomSource random) {
    if (period.isNegative() || period.isZero() || grace.isNegative()) {
      throw new IllegalArgumentException("salt period " + period + " and grace " + grace
          + "; expected a positive period and a grace of zero or more");
    }
    this.start = start;
    this.period = period;
    this.grace = grace;
    this.random = random;
    this.periodNanos = period.toNanos();
    this.graceWindows = grace.toNanos() / periodNanos;
    salts.put(0L, firstSalt);
  }

  /** A schedule starting at {@code start} with the key exchange's {@code firstSalt}. */
  public static SaltSchedule create(long firstSalt, Instant start, Duration period,
      Duration grace, RandomSource random) {
    return new SaltSchedule(firstSalt, start, period, grace, random);
  }

  /** Telegram's schedule: a new salt every 30 minutes, the previous one kept for 1800 s. */
  public static SaltSchedule telegram(long firstSalt, Instant start, RandomSource random) {
    return create(firstSalt, start, Duration.ofMinutes(30), Duration.ofSeconds(1800), random);
  }

  /** The salt the server hands out at {@code now}: the newest one whose window has begun. */
  public long current(Instant now) {
    long k = index(now);
    forgetBefore(k - 1 - graceWindows);
    return salt(k);
  }

  /** Whether {@code salt} is accepted at {@code now}: some salt's window covers now. */
  public boolean accepts(long salt, Instant now) {
    if (now.isBefore(start)) {
      return salt == salt(0); // a clock read just before the key exchange's
    }
    long newest = index(now);
    for (long k = newest; k >= 0 && window(k).covers(now); k--) {
      if (salt(k) == salt) {
        return true;
      }
    }
    return false;
  }

  /**
   * The current salt and the ones after it, {@code count} in all (clamped to 1..64 as
   * {@code get_future_salts} allows), each with its window.
   */
  public List<FutureSalt> future(Instant now, int count) {
    int n = Math.max(1, Math.min(64, count));
    long first = index(now);
    List<FutureSalt> out = new ArrayList<>(n);
    for (long k = first; k < first + n; k++) {
      FutureSalt w = window(k);
      out.add(new FutureSalt(w.validSince(), w.validUntil(), salt(k)));
    }
    forgetBefore(first - 1 - graceWindows);
    return out;
  }

  private long index(Instant now) {
    if (now.isBefore(start)) {
      return 0;
    }
    // long arithmetic: Duration.dividedBy(Duration) divides BigDecimals, on every message
    return Duration.between(start, now).toNanos() / periodNanos;
  }

  private FutureSalt window(long k) {
    Instant since = start.plus(period.multipliedBy(k));
    return new FutureSalt(since, since.plus(period).plus(grace), 0);
  }

  private long salt(long k) {
    Long known = salts.get(k);
    if (known != null) {
      return known;
    }
    long value = new TlReader(random.bytes(8)).readLong();
    salts.put(k, value);
    return value;
  }

  private void forgetBefore(long k) {
    Map<Long, Long> old = salts.headMap(k);
    old.clear();
  }
}
