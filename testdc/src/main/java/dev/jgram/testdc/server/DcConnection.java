package dev.jgram.testdc.server;

import dev.jgram.mtproto.auth.ServerKeyExchange;
import dev.jgram.mtproto.transport.ServerTransport;
import dev.jgram.mtproto.transport.TransportException;
import dev.jgram.mtproto.transport.TransportKind;
import dev.jgram.testdc.io.Wire;
import dev.jgram.testdc.io.WireHandler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One client connection to one DC: tells the transport from the first bytes, cuts frames,
 * applies the transport faults, and hands each frame to its DC by auth_key_id. Answers leave
 * through {@link #send}, in the connection's framing, from any thread.
 *
 * <pre>
 * frame shorter than 8 bytes     -&gt; -404
 * auth_key_id 0                  -&gt; plain message: key exchange
 * auth_key_id unknown            -&gt; -404
 * auth_key_id known              -&gt; session layer
 * </pre>
 */
final class DcConnection implements WireHandler {
  private static final System.Logger LOG = System.getLogger(DcConnection.class.getName());

  private final DcServer dc;
  private final ServerTransport transport;
  private final ConnectionState state = new ConnectionState();
  private Wire wire;
  private int framesReceived;
  private ScheduledFuture<?> disconnectTimer;
  private boolean suspended;
  private final ArrayDeque<byte[]> held = new ArrayDeque<>(0);
  private ServerKeyExchange.State keyExchange = ServerKeyExchange.initial();
  private long lastPlainMessageId;
  private final Map<LiveSession, Runnable> hosted = new IdentityHashMap<>();

  DcConnection(DcServer dc, ServerTransport transport) {
    this.dc = dc;
    this.transport = transport;
  }

  @Override
  public void onBytes(Wire from, byte[] data, int offset, int length) {
    if (wire == null) {
      wire = from;
      dc.opened(this);
    }
    List<byte[]> frames;
    try {
      frames = transport.receive(data, offset, length);
    } catch (TransportException e) {
      LOG.log(System.Logger.Level.DEBUG, "dc " + dc.id() + ": transport refused", e);
      from.close();
      return;
    }
    for (byte[] frame : frames) {
      if (suspended) {
        held.add(frame);
      } else if (from.isClosed() || !accept(frame)) {
        return;
      }
    }
  }

  /** Holds later frames until {@link #resume}: a step of this connection runs elsewhere. */
  void suspend() {
    suspended = true;
  }

  /**
   * From any thread: runs {@code then} on the loop, then handles the frames held meanwhile.
   */
  void resume(Runnable then) {
    wire.loop().execute(() -> {
      if (wire.isClosed()) {
        return;
      }
      suspended = false;
      then.run();
      while (!suspended && !held.isEmpty() && !wire.isClosed()) {
        if (!accept(held.poll())) {
          return;
        }
      }
    });
  }

  @Override
  public void onClosed(Wire closed) {
    if (disconnectTimer != null) {
      disconnectTimer.cancel(false);
    }
    hosted.values().forEach(Runnable::run);
    hosted.clear();
    if (wire != null) {
      dc.closed(this);
    }
  }

  /** Handles one frame; false once the connection has closed. */
  private boolean accept(byte[] frame) {
    framesReceived++;
    int closeAfter = dc.faults().closeAfterFrames();
    if (closeAfter > 0 && framesReceived >= closeAfter) {
      wire.close();
      return false;
    }
    int fault = dc.faults().takeTransportError();
    if (fault != 0) {
      sendError(fault);
      return true;
    }
    if (transport.kind() == TransportKind.PADDED_INTERMEDIATE) {
      frame = FrameIds.unpadded(frame);
    }
    if (frame.length < 8) {
      sendError(-404);
      return true;
    }
    long authKeyId = FrameIds.authKeyId(frame);
    if (authKeyId == 0) {
      dc.plainMessage(this, frame);
    } else {
      dc.encryptedMessage(this, authKeyId, frame);
    }
    return !wire.isClosed();
  }

  /** Sends one payload as a frame, after the answer delay if one is set. */
  void send(byte[] payload) {
    sendAll(List.of(payload));
  }

  /**
   * Sends payloads as consecutive frames in one write, after the answer delay if one is set.
   * Frames are made on the loop thread, in order, since obfuscation and the full transport's
   * sequence numbers run across them.
   */
  void sendAll(List<byte[]> payloads) {
    if (payloads.isEmpty()) {
      return;
    }
    Duration delay = dc.faults().answerDelay();
    Runnable write = () -> wire.send(frames(payloads));
    if (!delay.isZero()) {
      dc.scheduler().schedule(() -> wire.loop().execute(write), delay.toNanos(),
          TimeUnit.NANOSECONDS);
    } else if (wire.loop().inLoop()) {
      write.run();
    } else {
      wire.loop().execute(write);
    }
  }

  private byte[] frames(List<byte[]> payloads) {
    if (payloads.size() == 1) {
      return transport.frame(payloads.get(0));
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] payload : payloads) {
      out.writeBytes(transport.frame(payload));
    }
    return out.toByteArray();
  }

  /** Sends a transport error code such as -404 as a frame. */
  void sendError(int code) {
    if (wire.loop().inLoop()) {
      wire.send(transport.errorFrame(code));
    } else {
      wire.loop().execute(() -> wire.send(transport.errorFrame(code)));
    }
  }

  /**
   * Closes the connection {@code seconds} from now unless called again first, as
   * {@code ping_delay_disconnect} asks. Called on the loop thread.
   */
  void disconnectAfter(int seconds) {
    if (disconnectTimer != null) {
      disconnectTimer.cancel(false);
    }
    disconnectTimer = dc.scheduler().schedule(() -> wire.close(), seconds, TimeUnit.SECONDS);
  }

  /** Closes the connection once what was sent has left. */
  void closeAfterFlush() {
    wire.closeAfterFlush();
  }

  /** Whether the connection is closed. */
  boolean isClosed() {
    return wire == null || wire.isClosed();
  }

  ConnectionState state() {
    return state;
  }

  /** The key exchange run on this connection (loop thread only). */
  ServerKeyExchange.State keyExchange() {
    return keyExchange;
  }

  void keyExchange(ServerKeyExchange.State next) {
    this.keyExchange = next;
  }

  /**
   * The msg_id of the next plain message this side sends: about unixtime * 2^32, 1 mod 4 (an
   * answer), strictly increasing on the connection.
   */
  long plainMessageId(Instant now) {
    long fraction = ((long) now.getNano() << 32) / 1_000_000_000L;
    long id = (now.getEpochSecond() << 32) | (fraction & ~3L) | 1;
    if (id <= lastPlainMessageId) {
      id = lastPlainMessageId + 4;
    }
    lastPlainMessageId = id;
    return id;
  }

  /**
   * Notes that {@code session}'s messages arrive here; {@code onClose} runs when this
   * connection closes (loop thread only).
   */
  void hosts(LiveSession session, Runnable onClose) {
    hosted.putIfAbsent(session, onClose);
  }
}
