package dev.jgram.testdc.server;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Transport-level faults a test turns on and off while the cluster runs. Each applies to every
 * DC from the next frame on; {@link #clear()} turns them all off.
 */
public final class Faults {
  private final ClusterClock clock;
  private volatile int closeAfterFrames;
  private volatile Duration answerDelay = Duration.ZERO;
  private volatile int transportErrorCode;
  private final AtomicInteger transportErrorsLeft = new AtomicInteger();
  private volatile boolean duplicateKeys;

  Faults(ClusterClock clock) {
    this.clock = clock;
  }

  /**
   * Closes each connection once it has received {@code frames} frames (the last one is not
   * answered); 0 turns this off.
   */
  public Faults closeAfterFrames(int frames) {
    if (frames < 0) {
      throw new IllegalArgumentException("frames is " + frames + "; expected 0 (off) or more");
    }
    this.closeAfterFrames = frames;
    return this;
  }

  /** Sends every answer and push {@code delay} late; zero turns this off. */
  public Faults delayAnswers(Duration delay) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay is " + delay + "; expected zero or more");
    }
    this.answerDelay = delay;
    return this;
  }

  /** Moves the cluster's clock by {@code skew} (msg_id windows, server_time, dates). */
  public Faults skewClock(Duration skew) {
    clock.skew(skew);
    return this;
  }

  /**
   * Answers the next {@code count} frames, on any DC, with the transport error {@code code}
   * (-404, -429 or -444) instead of processing them.
   */
  public Faults transportErrors(int code, int count) {
    if (code != -404 && code != -429 && code != -444) {
      throw new IllegalArgumentException("transport error " + code
          + "; expected -404, -429 or -444");
    }
    this.transportErrorCode = code;
    transportErrorsLeft.set(count);
    return this;
  }

  /**
   * When on, an authorised key used by two connections at once gets {@code 406
   * AUTH_KEY_DUPLICATED} on the second and is forgotten, as Telegram does.
   */
  public Faults detectDuplicateKeys(boolean on) {
    this.duplicateKeys = on;
    return this;
  }

  /** Turns every fault off and the clock skew back to zero. */
  public Faults clear() {
    closeAfterFrames = 0;
    answerDelay = Duration.ZERO;
    transportErrorsLeft.set(0);
    duplicateKeys = false;
    clock.skew(Duration.ZERO);
    return this;
  }

  int closeAfterFrames() {
    return closeAfterFrames;
  }

  Duration answerDelay() {
    return answerDelay;
  }

  boolean duplicateKeys() {
    return duplicateKeys;
  }

  /** The transport error to answer this frame with, or 0; takes one from the count. */
  int takeTransportError() {
    if (transportErrorsLeft.get() <= 0) {
      return 0;
    }
    return transportErrorsLeft.getAndDecrement() > 0 ? transportErrorCode : 0;
  }
}
