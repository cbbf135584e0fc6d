package dev.jgram.storage.lock;

import dev.jgram.storage.SessionLockState;
import dev.jgram.storage.SessionLockedException;
import dev.jgram.storage.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ownership lock of a file session: an exclusive OS lock on {@code <session>.lock}, held
 * while the session is open, so that one auth key is never used from two places (Telegram
 * revokes it with AUTH_KEY_DUPLICATED).
 *
 * <p>The lock file holds three lines that name the owner for the next opener's error message:
 *
 * <pre>
 * pid=12345
 * host=build-7
 * since=2026-11-25T19:40:01Z
 * </pre>
 *
 * <p>The OS lock (not the file) is what counts: a lock file left behind by a process that died
 * carries no OS lock and is simply taken over. Within one JVM, {@link FileChannel#tryLock()}
 * cannot be used to detect a second owner (it throws, and closing any channel of the file
 * would drop the first owner's lock), so this JVM's owners are also kept in a registry that is
 * consulted before the file is touched.
 */
public final class SessionLock implements AutoCloseable {
  private static final Map<Path, Owner> HELD_IN_THIS_JVM = new ConcurrentHashMap<>();
  private static final int ATTEMPTS = 5;
  /** The most of a lock file a probe reads: an owner's three lines are far shorter. */
  private static final int MAX_LOCK_FILE_BYTES = 4096;
  private static final String HOST = hostName();
  private static final System.Logger LOG = System.getLogger(SessionLock.class.getName());

  /** Who holds a lock. */
  record Owner(long pid, String host, String since) {
    static Owner current() {
      return new Owner(ProcessHandle.current().pid(), HOST, Instant.now().toString());
    }

    String text() {
      return "pid=" + pid + "\nhost=" + host + "\nsince=" + since + "\n";
    }

    static Owner parse(String text) {
      long pid = -1;
      String host = null;
      String since = null;
      for (String line : text.split("\\R")) {
        int eq = line.indexOf('=');
        if (eq < 0) {
          continue;
        }
        String value = line.substring(eq + 1).strip();
        switch (line.substring(0, eq).strip()) {
          case "pid" -> pid = parsePid(value);
          case "host" -> host = value;
          case "since" -> since = value;
          default -> { }
        }
      }
      return new Owner(pid, host, since);
    }

    private static long parsePid(String value) {
      try {
        return Long.parseLong(value);
      } catch (NumberFormatException e) {
        return -1;
      }
    }

    /** For people: "process 42 on host build-7 since ...". */
    String describe() {
      if (pid < 0 && host == null) {
        return "owner unknown (the lock file names none)";
      }
      return "process " + (pid < 0 ? "?" : Long.toString(pid)) + " on host "
          + (host == null ? "?" : host) + (since == null ? "" : " since " + since);
    }
  }

  private final Path file;
  private final Path key;
  private final FileChannel channel;
  private final FileLock lock;
  private boolean released;

  private SessionLock(Path file, Path key, FileChannel channel, FileLock lock) {
    this.file = file;
    this.key = key;
    this.channel = channel;
    this.lock = lock;
  }

  /** The lock file of a session file. */
  static Path lockFileOf(Path session) {
    return session.resolveSibling(session.getFileName() + ".lock");
  }

  /**
   * Takes the lock of {@code session}, failing at once if another owner holds it.
   *
   * @throws SessionLockedException naming the owner
   */
  public static SessionLock acquire(Path session) {
    Path file = lockFileOf(session);
    Path key = canonical(file);
    Owner me = Owner.current();
    Owner other = HELD_IN_THIS_JVM.putIfAbsent(key, me);
    if (other != null) {
      throw new SessionLockedException(session.toString(), other.host(), other.pid(), other.since());
    }
    try {
      for (int attempt = 1; ; attempt++) {
        SessionLock taken = tryOnce(session, file, key, me);
        if (taken != null) {
          return taken;
        }
        if (attempt == ATTEMPTS) {
          throw new SessionLockedException(session.toString(), null, -1, null);
        }
      }
    } catch (IOException e) {
      HELD_IN_THIS_JVM.remove(key, me);
      throw new StorageException(file + ": cannot take the session lock: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      HELD_IN_THIS_JVM.remove(key, me);
      throw e;
    }
  }

  /** See {@link SessionLockState#of(Path)}. */
  public static SessionLockState probe(Path session) {
    Path file = lockFileOf(session);
    if (!Files.isRegularFile(file)) {
      return new SessionLockState(false, null);
    }
    long me = ProcessHandle.current().pid();
    Owner owner = readOwner(file);
    // Closing any channel of the file would drop this process's own lock: never touch it then.
    if (owner.pid() == me || HELD_IN_THIS_JVM.containsKey(canonical(file))) {
      return new SessionLockState(true, "this process (pid " + me + ")");
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      FileLock shared = ch.tryLock(0, Long.MAX_VALUE, true);
      if (shared != null) {
        shared.release();
        return new SessionLockState(false, owner.pid() < 0 ? null : owner.describe());
      }
      return new SessionLockState(true, owner.describe());
    } catch (OverlappingFileLockException e) {
      return new SessionLockState(true, "this process (pid " + me + ")");
    } catch (IOException e) {
      return new SessionLockState(true, owner.describe() + " (lock state unknown: "
          + e.getMessage() + ")");
    }
  }

  private static Owner readOwner(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return Owner.parse(new String(in.readNBytes(MAX_LOCK_FILE_BYTES), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return new Owner(-1, null, null);
    }
  }

  /** One attempt; null if the lock file was replaced under us (a racing owner closed). */
  private static SessionLock tryOnce(Path session, Path file, Path key, Owner me)
      throws IOException {
    FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE,
        StandardOpenOption.READ, StandardOpenOption.WRITE), FilePermissions.ownerOnly(file));
    boolean keep = false;
    try {
      Object opened = fileKey(file);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        // Held in this JVM under another name of the same file (a link): the owner is us.
        throw new SessionLockedException(session.toString(), me.host(), me.pid(), null);
      }
      if (lock == null) {
        throw lockedBy(session, file);
      }
      if (opened == null || !opened.equals(fileKey(file))) {
        return null; // the previous owner removed the file between our open and our lock
      }
      logTakeover(session, channel);
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(me.text().getBytes(StandardCharsets.UTF_8)), 0);
      keep = true;
      return new SessionLock(file, key, channel, lock);
    } finally {
      if (!keep) {
        channel.close();
      }
    }
  }

  /**
   * The lock is ours, so whoever the file still names is gone: INFO when it names an owner
   * (a process that died without closing), nothing for a fresh or empty file.
   */
  private static void logTakeover(Path session, FileChannel channel) throws IOException {
    ByteBuffer left = ByteBuffer.allocate(MAX_LOCK_FILE_BYTES);
    channel.read(left, 0);
    Owner gone = Owner.parse(new String(left.array(), 0, left.position(),
        StandardCharsets.UTF_8));
    if (gone.pid() >= 0 || gone.host() != null) {
      LOG.log(Level.INFO, "{0}: took over the session lock left by {1}, which is gone",
          session, gone.describe());
    } else {
      LOG.log(Level.DEBUG, "{0}: took the session lock", session);
    }
  }

  private static SessionLockedException lockedBy(Path session, Path file) {
    Owner owner = readOwner(file);
    return new SessionLockedException(session.toString(), owner.host(), owner.pid(),
        owner.since());
  }

  private static Path canonical(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    try {
      return absolute.getParent().toRealPath().resolve(absolute.getFileName());
    } catch (IOException e) {
      return absolute;
    }
  }

  private static Object fileKey(Path file) throws IOException {
    try {
      Object k = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
      return k == null ? file : k;
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return Objects.requireNonNullElse(System.getenv("HOSTNAME"), "unknown-host");
    }
  }

  /** Removes the lock file, then releases the OS lock. Idempotent. */
  @Override
  public void close() {
    if (released) {
      return;
    }
    released = true;
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // The OS lock is released below either way; a leftover file is taken over next time.
    }
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      // Closing the channel drops the lock in any case.
    } finally {
      HELD_IN_THIS_JVM.remove(key);
    }
  }
}
