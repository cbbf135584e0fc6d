package dev.jgram.testdc.services;

/**
 * A user account to add. {@link #toString()} hides the password.
 *
 * @param phone the phone number as digits (a leading '+' and separators are dropped on parsing)
 * @param homeDc the home DC, or 0 for the cluster's first DC
 * @param password the 2FA password, or null for none; the services keep only its SRP verifier
 * @param firstName the first name, or null for {@code User <last 4 digits>}
 * @param lastName the last name, or null
 * @param username the username, or null for none
 */
public record UserSpec(String phone, int homeDc, String password, String firstName,
    String lastName, String username) {

  /** Normalises the phone to digits and checks the values. */
  public UserSpec {
    String given = phone;
    phone = Phones.digits(phone).orElseThrow(() -> new AccountSpecException("malformed phone '"
        + given + "': expected " + Phones.MIN_DIGITS + " to " + Phones.MAX_DIGITS
        + " digits, optionally after '+', e.g. +15550001234"));
    if (homeDc < 0) {
      throw new AccountSpecException("user home DC must be positive, got " + homeDc);
    }
    if (password != null && password.isEmpty()) {
      throw new AccountSpecException("user 2FA password must not be empty; omit it for none");
    }
    if (firstName != null && (firstName.isBlank() || firstName.length() > 64)) {
      throw new AccountSpecException("user first name must be 1 to 64 characters");
    }
    if (username != null && !Usernames.valid(username)) {
      throw new AccountSpecException("user username '" + username + "' is invalid: expected 5 "
          + "to 32 letters, digits or '_', starting with a letter");
    }
  }

  /** A user with this phone, on the default DC, without a password or username. */
  public static UserSpec ofPhone(String phone) {
    return new UserSpec(phone, 0, null, null, null, null);
  }

  /**
   * Parses the command line's {@code PHONE[@DC][:PASSWORD]}, e.g. {@code +15550001234@2:secret};
   * everything after the first ':' is the password.
   *
   * @throws AccountSpecException naming what is malformed
   */
  public static UserSpec parse(String spec) {
    SpecParts parts = SpecParts.split(spec, ':', "user");
    return new UserSpec(parts.head(), parts.dc(), parts.tail(), null, null, null);
  }

  /** This user on another home DC. */
  public UserSpec withHomeDc(int dc) {
    return new UserSpec(phone, dc, password, firstName, lastName, username);
  }

  /** This user with a 2FA password. */
  public UserSpec withPassword(String pw) {
    return new UserSpec(phone, homeDc, pw, firstName, lastName, username);
  }

  /** This user with names. */
  public UserSpec withNames(String first, String last) {
    return new UserSpec(phone, homeDc, password, first, last, username);
  }

  /** This user with a username. */
  public UserSpec withUsername(String name) {
    return new UserSpec(phone, homeDc, password, firstName, lastName, name);
  }

  /** The first name it gets: the given one, else {@code User <last 4 digits>}. */
  public String effectiveFirstName() {
    return firstName != null ? firstName : "User " + phone.substring(phone.length() - 4);
  }

  @Override
  public String toString() {
    return "UserSpec[phone=" + phone + ", homeDc=" + homeDc + ", password="
        + (password == null ? "none" : "<hidden>") + ", firstName=" + firstName + ", lastName="
        + lastName + ", username=" + username + "]";
  }
}
