/**
 * MTProto 2.0 for Java, on the JDK alone and without I/O: the TL codec and schemas, the
 * cryptographic primitives, transports, the key exchange, the session layer and SRP, each a
 * pure state machine or a static API that both a client and a test data centre build on.
 *
 * <p>Every package is API: the network module and testdc use the same entry points as any
 * other caller, so nothing here is exported to them alone.
 */
module dev.jgram.mtproto {
  exports dev.jgram.mtproto;
  exports dev.jgram.mtproto.api;
  exports dev.jgram.mtproto.auth;
  exports dev.jgram.mtproto.crypto;
  exports dev.jgram.mtproto.session;
  exports dev.jgram.mtproto.srp;
  exports dev.jgram.mtproto.tl;
  exports dev.jgram.mtproto.transport;
}
