package dev.jgram;

import dev.jgram.storage.InputPeer;
import dev.jgram.storage.PeerNotFoundException;
import dev.jgram.storage.Storage;
import java.util.Locale;

/**
 * The cache half of Pyrogram's {@code resolve_peer} for strings: {@code "me"}/{@code "self"},
 * numbers as ids then phone numbers, everything else as a username. The network half for
 * usernames is {@link UsernameLookup}.
 */
final class PeerResolver {
  private PeerResolver() {}

  static InputPeer resolve(Storage storage, String text) {
    if (text.isBlank()) {
      throw new IllegalArgumentException("peer must not be blank");
    }
    String trimmed = text.strip();
    if (trimmed.equals("me") || trimmed.equals("self")) {
      return new InputPeer.Self();
    }
    PeerNotFoundException idMiss = null;
    if (isInteger(trimmed)) {
      try {
        return storage.peerById(Long.parseLong(trimmed));
      } catch (PeerNotFoundException e) {
        idMiss = e;
      } catch (NumberFormatException tooLong) {
        // More digits than a long holds: no id, maybe a phone number.
      }
    }
    String key = normalise(text);
    if (key.isEmpty()) {
      throw new IllegalArgumentException("peer has nothing but '@', '+' and whitespace");
    }
    if (!isInteger(key)) {
      return storage.peerByUsername(key);
    }
    if (idMiss != null && key.startsWith("-")) {
      throw idMiss;
    }
    try {
      return storage.peerByPhoneNumber(key);
    } catch (PeerNotFoundException phoneMiss) {
      if (idMiss != null) {
        phoneMiss.addSuppressed(idMiss);
      }
      throw phoneMiss;
    }
  }

  /** Pyrogram's {@code re.sub(r"[@+\s]", "", peer_id.lower())}. */
  static String normalise(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '@' && c != '+' && !Character.isWhitespace(c)) {
        sb.append(c);
      }
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }

  static boolean isInteger(String s) {
    int start = s.startsWith("-") ? 1 : 0;
    if (s.length() == start) {
      return false;
    }
    for (int i = start; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
