/**
 * MTProto 2.0 foundations for jgram, on the JDK alone: {@link dev.jgram.mtproto.RandomSource}
 * and {@link java.time.Clock} injection, plain messages, message ids and the base exceptions.
 * Subpackages: {@code crypto} (AES-IGE/CTR, message keys, RSA paddings, DH checks),
 * {@code tl} (binary codec, schema parser, schema-driven codec), {@code transport} (framing
 * and obfuscation), {@code auth} (key exchange step functions), {@code srp} (two-step
 * verification, client and server side), {@code api} (typed views).
 */
package dev.jgram.mtproto;
