/**
 * TL, Telegram's type language: {@link dev.jgram.mtproto.tl.TlWriter} and
 * {@link dev.jgram.mtproto.tl.TlReader} for the binary encoding, {@link
 * dev.jgram.mtproto.tl.TlSchema} for {@code .tl} files (ids verified by CRC32), and {@link
 * dev.jgram.mtproto.tl.TlCodec} for schema-driven encoding of {@link
 * dev.jgram.mtproto.tl.TlObject}s.
 */
package dev.jgram.mtproto.tl;
