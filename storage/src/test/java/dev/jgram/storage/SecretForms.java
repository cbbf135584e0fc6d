package dev.jgram.storage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Every way a secret could show up in text: its bytes in hex (lower and upper case) and in
 * base64 (both alphabets, with and without padding, from each of the three byte alignments),
 * and any string given as a secret (a session string, a passphrase). A text leaks when it
 * contains any window of those forms long enough to be no accident: 16 bytes of hex, 16
 * characters of base64, or 16 characters of a given string.
 */
public final class SecretForms {
  /** Characters of a window: 8 bytes in hex, 12 bytes in base64. */
  public static final int WINDOW = 16;

  private final Set<String> windows = new LinkedHashSet<>();
  private final List<String> names = new ArrayList<>();

  /** Adds the forms of secret bytes (a key). */
  public SecretForms bytes(String name, byte[] secret) {
    names.add(name);
    String hex = HexFormat.of().formatHex(secret);
    addWindows(hex);
    addWindows(hex.toUpperCase(Locale.ROOT));
    for (int offset = 0; offset < 3; offset++) {
      byte[] part = Arrays.copyOfRange(secret, offset, secret.length);
      addWindows(Base64.getEncoder().encodeToString(part));
      addWindows(Base64.getUrlEncoder().encodeToString(part));
    }
    return this;
  }

  /** Adds a secret string as it is (a session string, a passphrase). */
  public SecretForms text(String name, String secret) {
    names.add(name);
    addWindows(secret);
    return this;
  }

  private void addWindows(String form) {
    for (int i = 0; i + WINDOW <= form.length(); i++) {
      windows.add(form.substring(i, i + WINDOW));
    }
    if (form.length() < WINDOW) {
      windows.add(form);
    }
  }

  /** The first window of a secret found in {@code text}, or null if none is. */
  public String leakIn(String text) {
    if (text == null || text.length() < Math.min(WINDOW, shortest())) {
      return null;
    }
    for (int i = 0; i + WINDOW <= text.length(); i++) {
      String w = text.substring(i, i + WINDOW);
      if (windows.contains(w)) {
        return w;
      }
    }
    for (String w : windows) {
      if (w.length() < WINDOW && text.contains(w)) {
        return w;
      }
    }
    return null;
  }

  private int shortest() {
    return windows.stream().mapToInt(String::length).min().orElse(WINDOW);
  }

  /** What the forms cover, for messages. */
  @Override
  public String toString() {
    return "secrets " + names + " (" + windows.size() + " windows)";
  }
}
