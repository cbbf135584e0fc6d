package dev.jgram.storage;

/**
 * Another client (in this process or another, on this machine or another) owns the session.
 * Using one auth key from two places makes Telegram revoke it (AUTH_KEY_DUPLICATED), so a
 * session has exactly one owner; this names it.
 */
public final class SessionLockedException extends StorageException {
  private static final long serialVersionUID = 1L;

  private final String session;
  private final String ownerHost;
  private final long ownerPid;
  private final String ownerSince;

  /**
   * Creates the exception.
   *
   * @param session the session file or name
   * @param ownerHost the owner's host name, or {@code null} if unknown
   * @param ownerPid the owner's process id, or -1 if unknown
   * @param ownerSince when the owner took the session (ISO-8601), or {@code null} if unknown
   */
  public SessionLockedException(String session, String ownerHost, long ownerPid, String ownerSince) {
    super(message(session, ownerHost, ownerPid, ownerSince));
    this.session = session;
    this.ownerHost = ownerHost;
    this.ownerPid = ownerPid;
    this.ownerSince = ownerSince;
  }

  private static String message(String session, String host, long pid, String since) {
    StringBuilder sb = new StringBuilder(session).append(": session is in use by ");
    if (pid < 0 && host == null) {
      sb.append("another client (owner unknown)");
    } else {
      sb.append("process ").append(pid < 0 ? "?" : Long.toString(pid));
      sb.append(" on host ").append(host == null ? "?" : host);
      if (since != null) {
        sb.append(" since ").append(since);
      }
    }
    return sb.toString();
  }

  /** The session file or name. */
  public String session() {
    return session;
  }

  /** The owner's host name, or {@code null} if unknown. */
  public String ownerHost() {
    return ownerHost;
  }

  /** The owner's process id, or -1 if unknown. */
  public long ownerPid() {
    return ownerPid;
  }

  /** When the owner took the session (ISO-8601), or {@code null} if unknown. */
  public String ownerSince() {
    return ownerSince;
  }
}
