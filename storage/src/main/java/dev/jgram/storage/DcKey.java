package dev.jgram.storage;

/**
 * An auth key a session holds for a DC other than its home DC (a media DC reached after
 * {@code FILE_MIGRATE_X}, a DC the caller chose, or the DC a login started on before
 * {@code PHONE_MIGRATE_X} moved it), and whether an authorisation exported from the home DC
 * was imported on it. A stored key lets the next start reach that DC with no key exchange;
 * an authorised one, with no new export either.
 *
 * <p>{@link #toString()} shows the DC, the key id and the flag, never the key.
 *
 * @param dcId the DC, 1 or more
 * @param authKey the key made with that DC
 * @param authorized whether an authorisation was imported on this key
 */
public record DcKey(int dcId, AuthKey authKey, boolean authorized) {
  /**
   * Validates the fields.
   *
   * @throws IllegalArgumentException if the DC is not positive or the key is missing
   */
  public DcKey {
    if (dcId <= 0) {
      throw new IllegalArgumentException("dcId must be 1 or more, was " + dcId);
    }
    if (authKey == null) {
      throw new IllegalArgumentException("authKey is required for DC " + dcId);
    }
  }

  /** The same key with {@code authorized} set as given. */
  public DcKey withAuthorized(boolean authorized) {
    return new DcKey(dcId, authKey, authorized);
  }

  @Override
  public String toString() {
    return "DcKey[dc " + dcId + ", key id " + authKey.idHex() + ", "
        + (authorized ? "authorized" : "not authorized") + "]";
  }
}
