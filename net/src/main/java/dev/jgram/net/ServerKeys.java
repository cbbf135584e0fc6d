package dev.jgram.net;

import dev.jgram.mtproto.crypto.RsaPublicKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server RSA keys a client trusts in the key exchange, by fingerprint. Immutable.
 *
 * <p>{@link #telegram()} holds Telegram's published keys: production (fingerprint
 * {@code 0xd09d1d85de64fd85}) and test servers ({@code 0xb25898df208d2603}). A private server
 * (a test cluster) adds its own with {@link #withPem(String)}.
 */
public final class ServerKeys {
  private static final String END = "-----END RSA PUBLIC KEY-----";
  private final Map<Long, RsaPublicKey> byFingerprint;

  private ServerKeys(Map<Long, RsaPublicKey> byFingerprint) {
    this.byFingerprint = Map.copyOf(byFingerprint);
  }

  /** Telegram's built-in production and test keys. */
  public static ServerKeys telegram() {
    try (InputStream in = ServerKeys.class.getResourceAsStream("telegram-keys.pem")) {
      if (in == null) {
        throw new IllegalStateException("telegram-keys.pem is missing from jgram-net");
      }
      return none().withPem(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read jgram-net's telegram-keys.pem", e);
    }
  }

  /** No keys at all: the key exchange then fails on every server. */
  public static ServerKeys none() {
    return new ServerKeys(Map.of());
  }

  /**
   * These keys plus every {@code -----BEGIN RSA PUBLIC KEY-----} block in {@code pem}.
   *
   * @throws IllegalArgumentException if the text holds no such block or one is malformed
   */
  public ServerKeys withPem(String pem) {
    List<RsaPublicKey> keys = new ArrayList<>();
    int from = 0;
    while (pem != null && pem.indexOf(END, from) >= 0) {
      int end = pem.indexOf(END, from) + END.length();
      try {
        keys.add(RsaPublicKey.fromPem(pem.substring(from, end)));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("server key PEM block " + (keys.size() + 1)
            + " is not a PKCS#1 RSA public key: " + e.getMessage(), e);
      }
      from = end;
    }
    if (keys.isEmpty()) {
      throw new IllegalArgumentException(
          "server key text holds no -----BEGIN RSA PUBLIC KEY----- block");
    }
    return with(keys);
  }

  /** These keys plus {@code keys}. */
  public ServerKeys with(List<RsaPublicKey> keys) {
    Map<Long, RsaPublicKey> map = new LinkedHashMap<>(byFingerprint);
    keys.forEach(k -> map.put(k.fingerprint(), k));
    return new ServerKeys(map);
  }

  /** The keys by fingerprint. */
  public Map<Long, RsaPublicKey> byFingerprint() {
    return byFingerprint;
  }

  /** Whether a key with this fingerprint is trusted. */
  public boolean trusts(long fingerprint) {
    return byFingerprint.containsKey(fingerprint);
  }

  @Override
  public String toString() {
    List<String> hex = new ArrayList<>();
    byFingerprint.keySet().forEach(f -> hex.add(String.format("%016x", f)));
    return "ServerKeys" + hex;
  }
}
