package dev.jgram.bench;

import dev.jgram.mtproto.crypto.Direction;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The MTProto JMH benchmarks' methods once more, timed by the thread's CPU clock
 * ({@link CpuClock}): on a machine shared with other work, JMH's wall-clock scores fall with
 * the load, while operations per CPU-second say what one core does. Run with
 * {@code java -cp jgram-bench-*-all.jar dev.jgram.bench.MtprotoCpuTime [scale]}; scale 1
 * takes about ten seconds of CPU.
 */
final class MtprotoCpuTime {
  private MtprotoCpuTime() {}

  /** Runs every measurement; an optional argument scales the operation counts. */
  public static void main(String[] args) {
    double scale = args.length > 0 ? Double.parseDouble(args[0]) : 1;
    run(System.out, scale);
  }

  static void run(PrintStream out, double scale) {
    for (Direction direction : Direction.values()) {
      MessageCipherBenchmark m = new MessageCipherBenchmark();
      m.direction = direction;
      m.setUp();
      measure(out, "1 KiB message encrypt+decrypt " + direction, m::encryptAndDecrypt,
          (int) (200_000 * scale), 0);
    }
    for (int size : new int[] {1024, 65536}) {
      AesIgeBenchmark b = new AesIgeBenchmark();
      b.size = size;
      b.setUp();
      int ops = (int) (200_000_000L / size * scale);
      measure(out, "AES-256-IGE encrypt " + size + " B", b::encrypt, ops, size);
      measure(out, "AES-256-IGE decrypt " + size + " B", b::decrypt, ops, size);
      measure(out, "AES-256-IGE encrypt " + size + " B, new key", b::encryptWithNewKey, ops,
          size);
      measure(out, "AES-256-IGE decrypt " + size + " B, new key", b::decryptWithNewKey, ops,
          size);
    }
    KeyExchangeBenchmark k = new KeyExchangeBenchmark();
    k.padding = "RSA_PAD";
    k.setUp();
    measure(out, "key exchange, both halves", k::exchange, (int) Math.max(2, 300 * scale), 0);
  }

  /**
   * Warms up with half the operations, then prints where the time of {@code ops} more went,
   * operations per CPU-second and, for {@code bytes} per operation, MB per CPU-second.
   */
  private static void measure(PrintStream out, String name, Supplier<Object> op, int ops,
      int bytes) {
    for (int i = 0; i < ops / 2; i++) {
      Objects.requireNonNull(op.get());
    }
    CpuClock.Reading start = CpuClock.now();
    for (int i = 0; i < ops; i++) {
      Objects.requireNonNull(op.get());
    }
    CpuClock.Reading end = CpuClock.now();
    String line = name + " " + CpuClock.since(start, ops);
    long cpu = end.cpuNanos() - start.cpuNanos();
    if (bytes > 0 && cpu > 0 && !line.contains("too short")) {
      line += String.format(Locale.ROOT, " = %.0f MB per CPU-second", (double) ops * bytes
          * 1e3 / cpu);
    }
    out.println(line);
  }
}
