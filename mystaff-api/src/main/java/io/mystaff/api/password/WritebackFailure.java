package io.mystaff.api.password;

/**
 * Why a password writeback failed, as a code a UI can explain.
 *
 * @since 0.1.0
 */
public enum WritebackFailure {
  /** The on-premises directory rejected the password under its own policy (e.g. history). */
  POLICY_VIOLATION("The on-premises directory rejected the password under its password policy."),
  /** The user was not found in the on-premises directory. */
  USER_NOT_FOUND("The user was not found in the on-premises directory."),
  /** The writeback service account may not reset this user on premises. */
  ACCESS_DENIED("The writeback account is not allowed to reset this user's password on premises."),
  /** The on-premises directory could not be reached in time. */
  UNREACHABLE("The on-premises directory could not be reached. Try again later."),
  /**
   * The manager was no longer allowed to reset the user when the writeback was about to be applied
   * (the user became a protected administrator, left the manager's scope, or the manager's role
   * ended), so nothing was written.
   */
  AUTHORIZATION_REVOKED(
      "You are no longer allowed to reset this user's password, so it was not changed."),
  /** Anything else. */
  UNKNOWN("The password could not be written back to the on-premises directory.");

  private final String message;

  WritebackFailure(String message) {
    this.message = message;
  }

  /** {@return a sentence for the manager explaining the failure} */
  public String message() {
    return message;
  }
}
