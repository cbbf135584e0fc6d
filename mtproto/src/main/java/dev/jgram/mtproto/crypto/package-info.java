/**
 * MTProto's cryptographic primitives, each a small static API over the JDK: AES-256-IGE and
 * AES-256-CTR, the MTProto 2.0 message keys and message cipher, the MTProto 1.0 cipher that
 * temporary-key binding still uses, auth key hashes, the key exchange's temporary keys, RSA_PAD
 * and the older SHA-1 RSA padding (both directions), RSA public and private keys with
 * fingerprints and PKCS#1/PKCS#8 PEM, pq factorisation and the Diffie–Hellman checks.
 */
package dev.jgram.mtproto.crypto;
