package dev.jgram.bench;

import dev.jgram.mtproto.RandomSource;
import dev.jgram.mtproto.crypto.Direction;
import dev.jgram.mtproto.crypto.MessageCipher;
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
 * JMH: MTProto 2.0 encryption of a whole 1 KiB message end to end (padding, msg_key, key
 * derivation, AES-256-IGE, and on decryption every check), in both directions. Padding bytes
 * come from {@link RandomSource#secure()}, as in production.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MessageCipherBenchmark {
  /** The size of the inner message: 32-byte header plus 992 bytes of data. */
  public static final int MESSAGE_SIZE = 1024;

  /** Which way the message travels (x = 0 or x = 8). */
  @Param({"CLIENT_TO_SERVER", "SERVER_TO_CLIENT"})
  public Direction direction;

  byte[] authKey;
  byte[] plaintext;
  byte[] encrypted;
  private final RandomSource random = RandomSource.secure();

  /** A seeded auth key and message, and the message encrypted once. */
  @Setup
  public void setUp() {
    Random seeded = new Random(Fixtures.SEED);
    authKey = new byte[256];
    seeded.nextBytes(authKey);
    plaintext = new byte[MESSAGE_SIZE];
    seeded.nextBytes(plaintext);
    int length = MESSAGE_SIZE - 32;
    plaintext[28] = (byte) length;
    plaintext[29] = (byte) (length >>> 8);
    plaintext[30] = 0;
    plaintext[31] = 0;
    encrypted = MessageCipher.encrypt(authKey, plaintext, direction, random);
  }

  /** Encrypts the message. */
  @Benchmark
  public byte[] encrypt() {
    return MessageCipher.encrypt(authKey, plaintext, direction, random);
  }

  /** Decrypts and checks the message. */
  @Benchmark
  public byte[] decrypt() {
    return MessageCipher.decrypt(authKey, encrypted, direction);
  }

  /** Encrypts the message and decrypts the result: one message end to end. */
  @Benchmark
  public byte[] encryptAndDecrypt() {
    return MessageCipher.decrypt(authKey, MessageCipher.encrypt(authKey, plaintext, direction,
        random), direction);
  }
}
