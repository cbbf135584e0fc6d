package dev.jgram.net;

import dev.jgram.mtproto.api.RpcError;
import dev.jgram.mtproto.session.ClientAction;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

/**
 * Carries out what the session layer found in one server message: results and errors to
 * their calls, re-sends, replies, acknowledgements, pushed updates.
 */
final class Inbox {
  private Inbox() {}

  static void receive(DcConnection c, byte[] payload) {
    List<ClientAction> actions = c.session.receive(payload, c.options.clock().instant());
    for (ClientAction action : actions) {
      if (c.link == null || c.state != DcConnection.State.READY) {
        return;
      }
      handle(c, action);
    }
  }

  private static void handle(DcConnection c, ClientAction action) {
    if (action instanceof ClientAction.Result r) {
      Call call = c.sent.remove(r.reqMsgId());
      if (call != null) {
        c.complete(call.future, r.body());
      }
    } else if (action instanceof ClientAction.Failed f) {
      Call call = c.sent.remove(f.reqMsgId());
      if (call != null) {
        failed(c, call, f.error());
      }
    } else if (action instanceof ClientAction.Dropped d) {
      fail(c, d.reqMsgId(), "the server dropped the answer (" + d.outcome() + ")");
    } else if (action instanceof ClientAction.Rejected r) {
      r.msgIds().forEach(id -> fail(c, id, "rejected by " + c.address
          + " with bad_msg_notification code " + r.errorCode()));
    } else if (action instanceof ClientAction.Resend r) {
      resend(c, r);
    } else if (action instanceof ClientAction.Pushed p) {
      c.listener.updates(c, p.body());
    } else if (action instanceof ClientAction.SessionCreated) {
      c.listener.sessionCreated(c);
    } else if (action instanceof ClientAction.Reply r) {
      Outbox.sendService(c, r.message());
    } else if (action instanceof ClientAction.FlushAcks) {
      Outbox.flushAcks(c);
    }
  }

  private static void fail(DcConnection c, long msgId, String why) {
    Call call = c.sent.remove(msgId);
    if (call != null) {
      c.fail(call.future, new NetException(call.method + ": " + why));
    }
  }

  /** Sends the messages again with new msg_ids; each call follows its message. */
  private static void resend(DcConnection c, ClientAction.Resend resend) {
    for (ClientAction.Resent m : resend.messages()) {
      Call call = c.sent.remove(m.oldMsgId());
      if (call != null) {
        Outbox.send(c, call, m.message());
      } else {
        Outbox.sendService(c, m.message());
      }
    }
  }

  /** An rpc_error: re-wrap, wait out a short flood wait, or fail the call with it. */
  static void failed(DcConnection c, Call call, RpcError error) {
    if (error.code() == 400 && "CONNECTION_NOT_INITED".equals(error.message())) {
      call.forceWrap = true;
      c.send(call);
      return;
    }
    RpcException exception = RpcException.of(error, call.method);
    OptionalInt wait = exception.floodWaitSeconds();
    if (wait.isPresent() && wait.getAsInt() <= c.options.floodSleepThreshold()) {
      Duration delay = Duration.ofSeconds(wait.getAsInt());
      System.getLogger(DcConnection.class.getName()).log(System.Logger.Level.INFO,
          () -> "flood wait of " + wait.getAsInt() + " s on " + call.method + " at DC "
              + c.address.id() + ": waiting, then sending it again");
      call.deadlineNanos = System.nanoTime() + delay.toNanos() + c.options.rpcTimeout().toNanos();
      c.delayed.add(call);
      c.schedule(delay, () -> {
        if (c.delayed.remove(call)) {
          c.submit(call);
        }
      });
      return;
    }
    c.fail(call.future, exception);
  }
}
