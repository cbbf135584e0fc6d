/**
 * The MTProto key exchange, both halves, as pure step functions: requests in, answers out,
 * randomness and time passed in, no I/O. {@link dev.jgram.mtproto.auth.ClientKeyExchange} is
 * the client; {@link dev.jgram.mtproto.auth.ServerKeyExchange} the data centre, with
 * {@link dev.jgram.mtproto.auth.ServerKeyExchangeOptions} and
 * {@link dev.jgram.mtproto.auth.ServerAuthKey}; temporary keys are bound with
 * {@code auth.bindTempAuthKey}.
 */
package dev.jgram.mtproto.auth;
