package dev.jgram.bench.testdc;

import dev.jgram.mtproto.crypto.AuthKeyHashes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Auth keys made up front and written into a cluster's state directory in the key journal's
 * documented format (testdc's {@code KeyStore}: "JGTDKEY1", then records of type 1, key id
 * little-endian, 256 key bytes), so ten thousand sessions start without ten thousand key
 * exchanges. Each session then learns its salt from {@code bad_server_salt}.
 */
final class LoadKeys {
  private LoadKeys() {}

  /** {@code count} random keys with distinct ids, from {@code seed}. */
  static List<byte[]> make(int count, long seed) {
    Random random = new Random(seed);
    List<byte[]> keys = new ArrayList<>(count);
    java.util.Set<Long> ids = new java.util.HashSet<>();
    while (keys.size() < count) {
      byte[] key = new byte[256];
      random.nextBytes(key);
      if (ids.add(AuthKeyHashes.keyId(key))) {
        keys.add(key);
      }
    }
    return keys;
  }

  /** Writes {@code keys} as DC {@code dcId}'s key journal in {@code stateDir}. */
  static void write(Path stateDir, int dcId, List<byte[]> keys) throws IOException {
    Files.createDirectories(stateDir);
    ByteBuffer out = ByteBuffer.allocate(8 + keys.size() * 265).order(ByteOrder.LITTLE_ENDIAN);
    out.put("JGTDKEY1".getBytes(StandardCharsets.US_ASCII));
    for (byte[] key : keys) {
      out.put((byte) 1).putLong(AuthKeyHashes.keyId(key)).put(key);
    }
    Files.write(stateDir.resolve("keys-dc" + dcId + ".bin"), out.array());
  }
}
