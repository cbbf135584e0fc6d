package dev.jgram.storage;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings shared by every engine. Validated when built, with exact messages.
 *
 * @param usernameTtl how long a username entry stays valid after its peer was last written
 *     (Pyrogram: 8 hours); an older entry is reported as expired
 * @param clock the source of "now" for timestamps and the TTL
 * @param cacheSize how many peers an engine may keep in memory in front of its backing store
 *     (ignored by the memory engine, which keeps everything)
 * @param readOnly open for inspection only: no migration, no writes, no lock taken
 * @param encryption how a file session keeps its auth key at rest (default: in clear, as
 *     Pyrogram does); ignored by engines that write nothing to disk
 */
public record StorageConfig(Duration usernameTtl, Clock clock, int cacheSize, boolean readOnly,
    SessionEncryption encryption) {

  /** Pyrogram's username TTL: 8 hours. */
  public static final Duration DEFAULT_USERNAME_TTL = Duration.ofHours(8);

  /** The default peer cache bound. */
  public static final int DEFAULT_CACHE_SIZE = 1 << 20;

  /** Defaults: 8 h TTL, the system clock, a cache of {@value #DEFAULT_CACHE_SIZE} peers. */
  public static final StorageConfig DEFAULTS =
      new StorageConfig(DEFAULT_USERNAME_TTL, Clock.systemUTC(), DEFAULT_CACHE_SIZE, false,
          SessionEncryption.none());

  /** Validates the settings. */
  public StorageConfig {
    Objects.requireNonNull(usernameTtl, "usernameTtl is required");
    Objects.requireNonNull(clock, "clock is required");
    Objects.requireNonNull(encryption, "encryption is required (SessionEncryption.none() for none)");
    if (usernameTtl.isNegative()) {
      throw new IllegalArgumentException("usernameTtl must not be negative, was " + usernameTtl);
    }
    if (cacheSize < 0) {
      throw new IllegalArgumentException("cacheSize must not be negative, was " + cacheSize);
    }
  }

  /** Settings without encryption at rest (the form before {@code encryption} existed). */
  public StorageConfig(Duration usernameTtl, Clock clock, int cacheSize, boolean readOnly) {
    this(usernameTtl, clock, cacheSize, readOnly, SessionEncryption.none());
  }

  /** Returns a copy with another username TTL. */
  public StorageConfig withUsernameTtl(Duration usernameTtl) {
    return new StorageConfig(usernameTtl, clock, cacheSize, readOnly, encryption);
  }

  /** Returns a copy with another clock. */
  public StorageConfig withClock(Clock clock) {
    return new StorageConfig(usernameTtl, clock, cacheSize, readOnly, encryption);
  }

  /** Returns a copy with another cache bound. */
  public StorageConfig withCacheSize(int cacheSize) {
    return new StorageConfig(usernameTtl, clock, cacheSize, readOnly, encryption);
  }

  /** Returns a copy that opens for inspection only. */
  public StorageConfig withReadOnly(boolean readOnly) {
    return new StorageConfig(usernameTtl, clock, cacheSize, readOnly, encryption);
  }

  /** Returns a copy that keeps a file session's auth key encrypted at rest (or not). */
  public StorageConfig withEncryption(SessionEncryption encryption) {
    return new StorageConfig(usernameTtl, clock, cacheSize, readOnly, encryption);
  }

  /** The current time in unix seconds, from {@link #clock()}. */
  public long nowSeconds() {
    return clock.millis() / 1000;
  }
}
