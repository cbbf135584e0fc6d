package dev.jgram.bench;

import dev.jgram.mtproto.crypto.AesIge;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: AES-256-IGE alone, one call per buffer of {@link #size} bytes. MB/s = ops/s × size /
 * 10^6. {@link #encrypt} and {@link #decrypt} reuse one key, so the JDK keeps its expanded key
 * schedule; the {@code ...WithNewKey} methods change a key byte before every call, as MTProto
 * does (every message has its own key), and pay the JDK 17 key schedule (about 1 µs) each time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AesIgeBenchmark {
  /** Bytes per call: one 1 KiB message, and a 64 KiB file part. */
  @Param({"1024", "65536"})
  public int size;

  byte[] key;
  byte[] iv;
  byte[] plaintext;
  byte[] ciphertext;

  /** Seeded key, IV and data. */
  @Setup
  public void setUp() {
    Random seeded = new Random(Fixtures.SEED);
    key = new byte[32];
    iv = new byte[32];
    plaintext = new byte[size];
    seeded.nextBytes(key);
    seeded.nextBytes(iv);
    seeded.nextBytes(plaintext);
    ciphertext = AesIge.encrypt(plaintext, key, iv);
  }

  /** Encrypts {@code size} bytes. */
  @Benchmark
  public byte[] encrypt() {
    return AesIge.encrypt(plaintext, key, iv);
  }

  /** Decrypts {@code size} bytes. */
  @Benchmark
  public byte[] decrypt() {
    return AesIge.decrypt(ciphertext, key, iv);
  }

  /** Encrypts {@code size} bytes with a key never used just before. */
  @Benchmark
  public byte[] encryptWithNewKey() {
    key[0]++;
    return AesIge.encrypt(plaintext, key, iv);
  }

  /** Decrypts {@code size} bytes with a key never used just before. */
  @Benchmark
  public byte[] decryptWithNewKey() {
    key[0]++;
    return AesIge.decrypt(ciphertext, key, iv);
  }
}
