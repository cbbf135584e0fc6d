package dev.jgram.testdc.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The auth keys of one DC, by auth_key_id. Permanent keys are also appended to a journal file
 * when a state directory is given, forced to disk before the key exchange answers
 * {@code dh_gen_ok}, so a key survives a restart; temporary keys live in memory only.
 *
 * <pre>
 * file keys-dc&lt;N&gt;.bin
 * | bytes | field                                                          |
 * |-------|----------------------------------------------------------------|
 * | 8     | magic "JGTDKEY1"                                               |
 * | then records:                                                        |
 * | 1     | 1 = key added, 2 = key forgotten                               |
 * | 8     | auth_key_id, little-endian                                     |
 * | 256   | the key (added records only)                                   |
 * </pre>
 *
 * <p>A record cut short at the end (a crash mid-write) is cut off when loading.
 */
public final class KeyStore implements AutoCloseable {
  private static final byte[] MAGIC = "JGTDKEY1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final byte ADDED = 1;
  private static final byte FORGOTTEN = 2;

  private final int dcId;
  private final Map<Long, StoredKey> keys = new ConcurrentHashMap<>();
  private final FileChannel journal;
  private final Path path;

  private KeyStore(int dcId, FileChannel journal, Path path) {
    this.dcId = dcId;
    this.journal = journal;
    this.path = path;
  }

  /** A store in memory only. */
  public static KeyStore inMemory(int dcId) {
    return new KeyStore(dcId, null, null);
  }

  /**
   * A store kept in {@code stateDir}/keys-dc&lt;N&gt;.bin, loading the keys already there.
   *
   * @throws UncheckedIOException if the file cannot be read or created
   * @throws IllegalStateException if the file is not a key journal
   */
  public static KeyStore open(int dcId, Path stateDir) {
    Path path = stateDir.resolve("keys-dc" + dcId + ".bin");
    try {
      Files.createDirectories(stateDir);
      FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE,
          StandardOpenOption.READ, StandardOpenOption.WRITE);
      KeyStore store = new KeyStore(dcId, channel, path);
      try {
        store.load();
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
      return store;
    } catch (IOException e) {
      throw new UncheckedIOException("key store " + path + " cannot be opened", e);
    }
  }

  /** The key with this id, or null. Expired temporary keys are dropped here. */
  public StoredKey find(long id, long nowSeconds) {
    StoredKey key = keys.get(id);
    if (key != null && key.temporary() && key.expiresAt() < nowSeconds) {
      keys.remove(id, key);
      return null;
    }
    return key;
  }

  /** Whether a key of this id is held (for dh_gen_retry on a collision). */
  public boolean contains(long id) {
    return keys.containsKey(id);
  }

  /** Stores a new key; a permanent one is on disk when this returns. */
  public void add(StoredKey key) {
    if (!key.temporary()) {
      write(ADDED, key.id(), key.key());
    }
    keys.put(key.id(), key);
  }

  /** Forgets a key: every later message with its id gets -404. Returns whether it was held. */
  public boolean forget(long id) {
    StoredKey removed = keys.remove(id);
    if (removed != null && !removed.temporary()) {
      write(FORGOTTEN, id, null);
    }
    return removed != null;
  }

  /** How many keys are held. */
  public int size() {
    return keys.size();
  }

  /** The DC whose keys these are. */
  public int dcId() {
    return dcId;
  }

  /** Closes the journal file, if any; the keys stay readable in memory. */
  @Override
  public void close() {
    if (journal != null) {
      try {
        journal.close();
      } catch (IOException e) {
        throw new UncheckedIOException("key store " + path + " cannot be closed", e);
      }
    }
  }

  private synchronized void write(byte type, long id, byte[] key) {
    if (journal == null) {
      return;
    }
    ByteBuffer record = ByteBuffer.allocate(9 + (key == null ? 0 : 256))
        .order(ByteOrder.LITTLE_ENDIAN);
    record.put(type).putLong(id);
    if (key != null) {
      record.put(key);
    }
    record.flip();
    try {
      journal.position(journal.size());
      while (record.hasRemaining()) {
        journal.write(record);
      }
      journal.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("key store " + path + " cannot be written", e);
    }
  }

  private void load() throws IOException {
    long size = journal.size();
    if (size == 0) {
      journal.write(ByteBuffer.wrap(MAGIC));
      journal.force(false);
      return;
    }
    ByteBuffer data = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
    while (data.hasRemaining() && journal.read(data, data.position()) > 0) {
      // read to the end
    }
    data.flip();
    byte[] magic = new byte[Math.min(8, data.remaining())];
    data.get(magic);
    if (!Arrays.equals(magic, MAGIC)) {
      throw new IllegalStateException("key store " + path + " does not start with JGTDKEY1;"
          + " it is not a testdc key journal");
    }
    int complete = replay(data);
    if (complete < size) {
      journal.truncate(complete);
    }
  }

  /** Applies every complete record; returns where the last one ends. */
  private int replay(ByteBuffer data) {
    while (data.remaining() >= 9) {
      int recordStart = data.position();
      byte type = data.get();
      long id = data.getLong();
      if (type == ADDED) {
        if (data.remaining() < 256) {
          return recordStart;
        }
        byte[] key = new byte[256];
        data.get(key);
        keys.put(id, new StoredKey(dcId, id, key, false, 0));
      } else if (type == FORGOTTEN) {
        keys.remove(id);
      } else {
        throw new IllegalStateException("key store " + path + " has a record of type " + type
            + " at offset " + recordStart + "; expected 1 or 2");
      }
    }
    return data.position();
  }
}
