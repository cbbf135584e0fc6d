/**
 * The MTProto key exchange as pure step functions: requests in, answers out, randomness and
 * time passed in, no I/O.
 */
package dev.jgram.mtproto.auth;
