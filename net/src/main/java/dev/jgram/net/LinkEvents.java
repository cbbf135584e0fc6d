package dev.jgram.net;

/**
 * Routes a link's events to its connection, holding the connection's lock, ignoring links the
 * connection already left.
 */
final class LinkEvents implements Link.Listener {
  private final DcConnection c;

  LinkEvents(DcConnection c) {
    this.c = c;
  }

  @Override
  public void connected(Link link) {
    c.locked(() -> {
      if (link == c.link) {
        c.dialer.linkConnected();
      }
    });
  }

  @Override
  public void frame(Link link, byte[] payload) {
    c.locked(() -> received(link, payload));
  }

  private void received(Link link, byte[] payload) {
    if (link != c.link) {
      return;
    }
    c.pinger.received();
    try {
      if (c.state == DcConnection.State.EXCHANGING) {
        c.dialer.exchangeFrame(payload);
      } else if (c.state == DcConnection.State.READY) {
        Inbox.receive(c, payload);
        c.dialer.answered();
      }
    } catch (RuntimeException e) {
      link.fail(e);
    }
  }

  @Override
  public void closed(Link link, Throwable cause) {
    c.locked(() -> {
      if (link == c.link) {
        c.dialer.linkClosed(cause);
      }
    });
  }
}
