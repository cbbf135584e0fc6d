package dev.jgram.bench.testdc;

import dev.jgram.mtproto.RandomSource;
import dev.jgram.mtproto.session.ClientAction;
import dev.jgram.mtproto.session.ClientSession;
import dev.jgram.mtproto.session.OutgoingMessage;
import dev.jgram.mtproto.session.Packed;
import dev.jgram.testdc.io.Wire;
import dev.jgram.testdc.io.WireHandler;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One load client on a non-blocking connection, intermediate framing: logs in with its query
 * (salt 0 first, so one {@code bad_server_salt}), reports that, then keeps {@code inFlight}
 * calls outstanding while {@link LoadStats#running()} says so. Runs on its loop's thread only.
 *
 * <pre>
 * intermediate: ee ee ee ee once, then per frame [length, 4 bytes LE] payload
 * </pre>
 */
final class LoadSession implements WireHandler {
  private static final byte[] TAG = {(byte) 0xee, (byte) 0xee, (byte) 0xee, (byte) 0xee};

  private final ClientSession session;
  private final byte[] login;
  private final byte[] call;
  private final LoadStats stats;
  private final Clock clock = Clock.systemUTC();
  private byte[] pending = new byte[0];
  private Wire wire;
  private long loginMsgId;
  private boolean loggedIn;

  LoadSession(byte[] authKey, byte[] login, byte[] call, LoadStats stats,
      RandomSource random) {
    this.session = ClientSession.create(authKey, 0, 0, random);
    this.login = login;
    this.call = call;
    this.stats = stats;
  }

  @Override
  public void onOpen(Wire opened) {
    this.wire = opened;
    wire.send(TAG);
    loginMsgId = send(List.of(OutgoingMessage.query(login))).get(0);
  }

  /** Starts the load: {@code inFlight} calls, each replaced when its answer comes. */
  void startLoad(int inFlight) {
    wire.loop().execute(() -> {
      for (int i = 0; i < inFlight; i++) {
        sendCall();
      }
    });
  }

  @Override
  public void onBytes(Wire from, byte[] data, int offset, int length) {
    byte[] all = Arrays.copyOf(pending, pending.length + length);
    System.arraycopy(data, offset, all, pending.length, length);
    int at = 0;
    while (all.length - at >= 4) {
      int size = (all[at] & 0xFF) | (all[at + 1] & 0xFF) << 8 | (all[at + 2] & 0xFF) << 16
          | (all[at + 3] & 0x7F) << 24;
      if (all.length - at - 4 < size) {
        break;
      }
      frame(Arrays.copyOfRange(all, at + 4, at + 4 + size));
      at += 4 + size;
    }
    pending = Arrays.copyOfRange(all, at, all.length);
  }

  @Override
  public void onClosed(Wire closed) {
    stats.closed();
  }

  private void frame(byte[] payload) {
    if (payload.length == 4) {
      stats.transportError();
      return;
    }
    for (ClientAction action : session.receive(payload, clock.instant())) {
      if (action instanceof ClientAction.Result r) {
        answered(r.reqMsgId(), true);
      } else if (action instanceof ClientAction.Failed f) {
        answered(f.reqMsgId(), false);
      } else if (action instanceof ClientAction.Resend resend) {
        List<OutgoingMessage> again = new ArrayList<>();
        resend.messages().forEach(m -> again.add(m.message()));
        List<Long> ids = send(again);
        for (int i = 0; i < again.size(); i++) {
          if (resend.messages().get(i).oldMsgId() == loginMsgId) {
            loginMsgId = ids.get(i);
          }
        }
      } else if (action instanceof ClientAction.Reply reply) {
        send(List.of(reply.message()));
      } else if (action instanceof ClientAction.FlushAcks) {
        send(List.of());
      }
    }
  }

  private void answered(long reqMsgId, boolean ok) {
    if (!loggedIn && reqMsgId == loginMsgId) {
      loggedIn = true;
      stats.loggedIn(ok);
      return;
    }
    stats.answered(ok);
    if (stats.running()) {
      sendCall();
    }
  }

  private void sendCall() {
    send(List.of(OutgoingMessage.query(call)));
  }

  private List<Long> send(List<OutgoingMessage> messages) {
    Packed packed = session.pack(messages, clock.instant());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] message : packed.messages()) {
      int n = message.length;
      out.write(n);
      out.write(n >> 8);
      out.write(n >> 16);
      out.write(n >> 24);
      out.writeBytes(message);
    }
    if (out.size() > 0) {
      wire.send(out.toByteArray());
    }
    return packed.msgIds();
  }
}
