/**
 * MTProto transports over any byte stream: abridged, intermediate, padded intermediate and
 * full framing, obfuscated2, client and server sides, and transport error codes.
 */
package dev.jgram.mtproto.transport;
