/**
 * Encryption at rest of an auth key: {@link dev.jgram.storage.crypt.SessionCipher} seals the
 * 256-byte key with AES-256-GCM into the 310-byte layout documented in
 * {@code docs/file-format.md}, with a key from {@code SessionEncryption} (a raw key, or
 * PBKDF2-HMAC-SHA256 of a passphrase). The file engine decides where the sealed key lives.
 *
 * <p>Not exported by the module.
 */
package dev.jgram.storage.crypt;
