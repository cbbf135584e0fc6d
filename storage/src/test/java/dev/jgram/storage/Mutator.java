package dev.jgram.storage;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

/**
 * Seeded mutations of decoder inputs: bit flips, truncations, insertions, deletions, wrong
 * base64 alphabets and padding, whitespace, byte-level changes under a re-encoding (so the
 * result is valid base64 that decodes to damaged bytes), number and nesting attacks for JSON,
 * and, rarely, inputs of a few megabytes.
 *
 * <p>One to three mutations are stacked per case. The same seed gives the same sequence.
 */
public final class Mutator {
  /** Largest input produced, in characters (the huge cases). */
  public static final int HUGE = 4 << 20;

  private static final String BASE64 =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_+/=";
  private static final String WHITESPACE = " \t\n\r\u000b\f\u2028\u2029\u3000\u00a0\u200b\u0085";
  private static final String NASTY = "\u0000\u00ff\u00e9\u20ac\ud83d\ude00\ud800\udfff\"\\{}[],:.*~%!";

  private final Random random;
  private static final int HUGE_EVERY = 5_000;

  /** A mutator seeded with {@code seed}. */
  public Mutator(long seed) {
    this.random = new Random(seed);
  }

  /** The random source, for callers that pick seeds. */
  public Random random() {
    return random;
  }

  /** One mutated case of {@code seed}: 1 to 3 stacked mutations, rarely a huge input. */
  public String mutate(String seed) {
    if (random.nextInt(HUGE_EVERY) == 0) {
      return huge(seed);
    }
    String s = seed;
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      s = once(s);
    }
    return s;
  }

  private String once(String s) {
    return switch (random.nextInt(16)) {
      case 0, 1 -> flipBit(s);
      case 2 -> truncate(s);
      case 3 -> insert(s);
      case 4 -> delete(s);
      case 5 -> alphabet(s);
      case 6 -> whitespace(s);
      case 7, 8, 9 -> bytes(s);
      case 10 -> random.nextBoolean() ? s + s.substring(random.nextInt(s.length() + 1)) : s + s;
      case 11 -> randomString(random.nextInt(1_000));
      case 12 -> numbers(s);
      case 13 -> nesting(s);
      case 14 -> caseFlip(s);
      default -> replace(s);
    };
  }

  private String flipBit(String s) {
    if (s.isEmpty()) {
      return s;
    }
    int i = random.nextInt(s.length());
    int bit = random.nextInt(8) < 7 ? random.nextInt(7) : random.nextInt(16);
    return s.substring(0, i) + (char) (s.charAt(i) ^ (1 << bit)) + s.substring(i + 1);
  }

  private String truncate(String s) {
    int cut = s.isEmpty() ? 0 : random.nextInt(s.length());
    return random.nextBoolean() ? s.substring(0, cut) : s.substring(cut);
  }

  private String insert(String s) {
    int at = random.nextInt(s.length() + 1);
    StringBuilder sb = new StringBuilder(s.substring(0, at));
    int n = 1 + random.nextInt(random.nextInt(10) == 0 ? 200 : 8);
    String pool = random.nextBoolean() ? BASE64 : NASTY + BASE64;
    for (int i = 0; i < n; i++) {
      sb.append(pool.charAt(random.nextInt(pool.length())));
    }
    return sb.append(s.substring(at)).toString();
  }

  private String delete(String s) {
    if (s.isEmpty()) {
      return s;
    }
    int from = random.nextInt(s.length());
    int to = Math.min(s.length(), from + 1 + random.nextInt(random.nextBoolean() ? 4 : 64));
    return s.substring(0, from) + s.substring(to);
  }

  private String alphabet(String s) {
    return switch (random.nextInt(6)) {
      case 0 -> s.replace('-', '+').replace('_', '/');
      case 1 -> s.replace('+', '-').replace('/', '_');
      case 2 -> s + "=".repeat(1 + random.nextInt(4));
      case 3 -> s.replace("=", "");
      case 4 -> replaceOne(s, NASTY.charAt(random.nextInt(NASTY.length())));
      default -> replaceOne(s, (char) random.nextInt(0x10000));
    };
  }

  private String replaceOne(String s, char c) {
    if (s.isEmpty()) {
      return String.valueOf(c);
    }
    int i = random.nextInt(s.length());
    return s.substring(0, i) + c + s.substring(i + 1);
  }

  private String whitespace(String s) {
    if (random.nextInt(4) == 0) {
      int width = random.nextBoolean() ? 64 : 76;
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < s.length(); i += width) {
        sb.append(s, i, Math.min(s.length(), i + width)).append(random.nextBoolean() ? "\n" : "\r\n");
      }
      return sb.toString();
    }
    StringBuilder sb = new StringBuilder(s);
    int n = 1 + random.nextInt(6);
    for (int i = 0; i < n; i++) {
      sb.insert(random.nextInt(sb.length() + 1), WHITESPACE.charAt(random.nextInt(WHITESPACE.length())));
    }
    return sb.toString();
  }

  /** Decodes the base64 body (after an optional one-character prefix), damages the bytes, re-encodes. */
  private String bytes(String s) {
    int prefix = !s.isEmpty() && s.charAt(0) == '1' && random.nextBoolean() ? 1 : 0;
    byte[] raw;
    try {
      raw = Base64.getUrlDecoder().decode(s.substring(prefix).strip()
          .replace('+', '-').replace('/', '_').replace("=", ""));
    } catch (IllegalArgumentException e) {
      raw = s.getBytes(StandardCharsets.UTF_8);
    }
    raw = damage(raw);
    Base64.Encoder encoder = random.nextBoolean() ? Base64.getUrlEncoder() : Base64.getEncoder();
    if (random.nextBoolean()) {
      encoder = encoder.withoutPadding();
    }
    return s.substring(0, prefix) + encoder.encodeToString(raw);
  }

  /** Damages bytes: a flipped bit, an extreme value over a field, a length change. */
  public byte[] damage(byte[] raw) {
    byte[] out = raw.clone();
    switch (random.nextInt(5)) {
      case 0 -> {
        if (out.length > 0) {
          int i = random.nextInt(out.length);
          out[i] ^= (byte) (1 << random.nextInt(8));
        }
      }
      case 1 -> {
        if (out.length > 0) {
          int at = random.nextInt(out.length);
          byte v = (byte) (random.nextBoolean() ? 0xff : random.nextBoolean() ? 0 : 0x80);
          for (int i = at; i < Math.min(out.length, at + 1 + random.nextInt(8)); i++) {
            out[i] = v;
          }
        }
      }
      case 2 -> out = java.util.Arrays.copyOf(out, Math.max(0, out.length - 1 - random.nextInt(8)));
      case 3 -> {
        out = java.util.Arrays.copyOf(out, out.length + 1 + random.nextInt(8));
        for (int i = raw.length; i < out.length; i++) {
          out[i] = (byte) random.nextInt(256);
        }
      }
      default -> {
        if (out.length > 1) {
          int i = random.nextInt(out.length - 1);
          byte t = out[i];
          out[i] = out[i + 1];
          out[i + 1] = t;
        }
      }
    }
    return out;
  }

  private String randomString(int length) {
    StringBuilder sb = new StringBuilder(length);
    boolean anyChar = random.nextInt(3) == 0;
    for (int i = 0; i < length; i++) {
      sb.append(anyChar ? (char) random.nextInt(0x10000) : BASE64.charAt(random.nextInt(BASE64.length())));
    }
    return sb.toString();
  }

  /** Replaces a run of digits with an extreme number (JSON and numeric fields). */
  private String numbers(String s) {
    String[] extremes = {"-1", "0", "99999999999999999999999999", "-9223372036854775809",
        "1e999", "-0", "1.5", "NaN", "0x10", "4294967296", "2147483648", "9".repeat(5_000)};
    String number = extremes[random.nextInt(extremes.length)];
    for (int tries = 0; tries < 8 && !s.isEmpty(); tries++) {
      int i = random.nextInt(s.length());
      if (Character.isDigit(s.charAt(i))) {
        int from = i;
        int to = i;
        while (from > 0 && Character.isDigit(s.charAt(from - 1))) {
          from--;
        }
        while (to < s.length() && Character.isDigit(s.charAt(to))) {
          to++;
        }
        return s.substring(0, from) + number + s.substring(to);
      }
    }
    return s + number;
  }

  /** Deep nesting, which breaks recursive parsers with a StackOverflowError. */
  private String nesting(String s) {
    int depth = random.nextInt(200) != 0 ? 1 + random.nextInt(64) : 10_000 + random.nextInt(50_000);
    String open = random.nextBoolean() ? "[" : "{\"a\":";
    String close = open.equals("[") ? "]" : "}";
    boolean closed = random.nextBoolean();
    String inner = random.nextBoolean() ? s : "1";
    return open.repeat(depth) + inner + (closed ? close.repeat(depth) : "");
  }

  private String caseFlip(String s) {
    if (s.isEmpty()) {
      return s;
    }
    int from = random.nextInt(s.length());
    int to = Math.min(s.length(), from + 1 + random.nextInt(32));
    String part = s.substring(from, to);
    part = random.nextBoolean() ? part.toUpperCase(java.util.Locale.ROOT)
        : part.toLowerCase(java.util.Locale.ROOT);
    return s.substring(0, from) + part + s.substring(to);
  }

  /** Replaces one JSON-ish token (a quoted value, true/false/null) with another. */
  private String replace(String s) {
    String[] from = {"\"", ":", ",", "true", "null", "{", "}", "[", "]"};
    String[] to = {"", "\"\"", "null", "[]", "{}", "\"x\"", "0", "true", "\\u0000", "\\ud800"};
    String f = from[random.nextInt(from.length)];
    int i = s.indexOf(f, s.isEmpty() ? 0 : random.nextInt(s.length()));
    if (i < 0) {
      i = s.indexOf(f);
    }
    if (i < 0) {
      return s + to[random.nextInt(to.length)];
    }
    return s.substring(0, i) + to[random.nextInt(to.length)] + s.substring(i + f.length());
  }

  private String huge(String seed) {
    int target = (1 << 20) + random.nextInt(HUGE - (1 << 20));
    return switch (random.nextInt(4)) {
      case 0 -> seed.repeat(Math.max(1, target / Math.max(1, seed.length())));
      case 1 -> randomString(target);
      case 2 -> " ".repeat(target) + seed;
      default -> seed + "A".repeat(target);
    };
  }
}
