package dev.jgram.storage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Seeded generators of peers and sessions for round-trip tests: ids and access hashes span
 * the full signed 64-bit range, every peer type and every nullable field occur.
 */
public final class RandomData {
  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789_";

  private final Random random;
  private final Set<Long> usedIds = new HashSet<>();
  private int serial;

  /** A generator seeded with {@code seed}. */
  public RandomData(long seed) {
    this.random = new Random(seed);
  }

  /** The underlying random source. */
  public Random random() {
    return random;
  }

  /**
   * {@code count} peers with distinct non-zero ids, distinct usernames and distinct phone
   * numbers, so every key identifies exactly one of them.
   */
  public List<Peer> peers(int count) {
    List<Peer> peers = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      peers.add(peer());
    }
    return peers;
  }

  /** One peer with a fresh id, fresh usernames and a fresh phone (or none). */
  public Peer peer() {
    PeerType type = PeerType.values()[random.nextInt(PeerType.values().length)];
    long id = freshId(type);
    Long hash = random.nextInt(10) == 0 ? null : edgyLong();
    List<String> usernames = new ArrayList<>();
    int names = type == PeerType.GROUP ? 0 : random.nextInt(4);
    for (int n = 0; n < names; n++) {
      usernames.add(username());
    }
    String phone = type.value().equals("user") && random.nextBoolean() ? phone() : null;
    return Peer.of(id, hash, type, usernames, phone);
  }

  /** A session with each field randomly unknown, except the data centre. */
  public Session session() {
    Integer dc = 1 + random.nextInt(5);
    Long apiId = random.nextInt(4) == 0 ? null : edgyApiId();
    Boolean test = random.nextInt(4) == 0 ? null : random.nextBoolean();
    AuthKey key = random.nextInt(4) == 0 ? null : authKey();
    long date = random.nextBoolean() ? 0 : random.nextInt(Integer.MAX_VALUE);
    Long userId = random.nextInt(4) == 0 ? null : edgyLong();
    Boolean bot = random.nextInt(4) == 0 ? null : random.nextBoolean();
    return new Session(dc, apiId, test, key, date, userId, bot);
  }

  /** A random 256-byte auth key. */
  public AuthKey authKey() {
    byte[] key = new byte[AuthKey.LENGTH];
    random.nextBytes(key);
    return AuthKey.of(key);
  }

  /** A long that is often one of the range's edges. */
  public long edgyLong() {
    return switch (random.nextInt(8)) {
      case 0 -> Long.MAX_VALUE;
      case 1 -> Long.MIN_VALUE;
      case 2 -> -1;
      case 3 -> random.nextInt();
      default -> random.nextLong();
    };
  }

  /**
   * An api_id (an unsigned 32-bit number) that is often one of the range's edges or the
   * signed boundary 2<sup>31</sup>-1 / 2<sup>31</sup>.
   */
  public long edgyApiId() {
    return switch (random.nextInt(8)) {
      case 0 -> Session.MAX_API_ID;
      case 1 -> 1L << 31;
      case 2 -> (1L << 31) - 1;
      case 3 -> 0;
      default -> random.nextLong() & Session.MAX_API_ID;
    };
  }

  /** An int that is often one of the range's edges. */
  public int edgyInt() {
    return switch (random.nextInt(6)) {
      case 0 -> Integer.MAX_VALUE;
      case 1 -> Integer.MIN_VALUE;
      case 2 -> 0;
      default -> random.nextInt();
    };
  }

  private long freshId(PeerType type) {
    while (true) {
      long id = switch (type) {
        case USER, BOT -> random.nextBoolean() ? 1 + random.nextInt(Integer.MAX_VALUE)
            : 1 + (random.nextLong() >>> 1);
        case GROUP -> -1 - random.nextInt(Integer.MAX_VALUE);
        case CHANNEL, SUPERGROUP -> random.nextBoolean()
            ? PeerIds.markChannel(1 + random.nextInt(Integer.MAX_VALUE))
            : Long.MIN_VALUE + random.nextInt(1000);
      };
      if (usedIds.add(id)) {
        return id;
      }
    }
  }

  private String username() {
    StringBuilder sb = new StringBuilder("u").append(serial++).append('_');
    int length = 1 + random.nextInt(24);
    for (int i = 0; i < length; i++) {
      sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }

  private String phone() {
    return (1 + random.nextInt(9)) + String.format("%06d", serial++)
        + String.format("%04d", random.nextInt(10_000));
  }
}
