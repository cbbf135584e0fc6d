/**
 * TL, Telegram's type language: {@link dev.jgram.mtproto.tl.TlWriter} and
 * {@link dev.jgram.mtproto.tl.TlReader} for the binary encoding, {@link
 * dev.jgram.mtproto.tl.TlSchema} for {@code .tl} files (ids verified by CRC32), {@link
 * dev.jgram.mtproto.tl.TlCodec} for schema-driven encoding of {@link
 * dev.jgram.mtproto.tl.TlObject}s, and {@link dev.jgram.mtproto.tl.Layers} for the API layers
 * jgram ships (158, 198 and 227), so a server answers each client in the layer it announced.
 */
package dev.jgram.mtproto.tl;
