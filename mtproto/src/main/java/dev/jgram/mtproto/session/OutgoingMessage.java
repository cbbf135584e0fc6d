package dev.jgram.mtproto.session;

import java.util.Arrays;

/**
 * One message a client hands to {@link ClientSession#pack}: a serialised boxed TL object and
 * whether it is content-related (needs an acknowledgement, gets an odd seqno). Every API query
 * is content-related; service messages ({@code ping}, {@code get_future_salts},
 * {@code msgs_state_req}, ...) need not be (§3.3).
 *
 * @param body the serialised object, constructor id first
 * @param contentRelated whether the message needs an acknowledgement
 */
public record OutgoingMessage(byte[] body, boolean contentRelated) {

  /** Copies the body and checks it is whole TL words. */
  public OutgoingMessage {
    if (body.length < 4 || body.length % 4 != 0) {
      throw new IllegalArgumentException("message body of " + body.length
          + " bytes; expected a constructor id and a multiple of 4 bytes");
    }
    body = body.clone();
  }

  /** An API query (content-related). */
  public static OutgoingMessage query(byte[] body) {
    return new OutgoingMessage(body, true);
  }

  /** A service message that needs no acknowledgement (even seqno). */
  public static OutgoingMessage service(byte[] body) {
    return new OutgoingMessage(body, false);
  }

  /** A copy of the body. */
  @Override
  public byte[] body() {
    return body.clone();
  }

  /** The constructor id the body starts with. */
  public int constructorId() {
    return ServiceTl.id(body);
  }

  @Override
  public String toString() {
    return String.format("OutgoingMessage[%08x, %d bytes, %s]", constructorId(), body.length,
        contentRelated ? "content-related" : "service");
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof OutgoingMessage m && m.contentRelated == contentRelated
        && Arrays.equals(m.body, body);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(body) + Boolean.hashCode(contentRelated);
  }
}
