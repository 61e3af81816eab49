package io.mystaff.api.access;

/**
 * Why a manager was not let into My Staff; each has a message a UI may show as is.
 *
 * @since 0.1.0
 */
public enum SignInRefusal {
  /** The feature is switched off, or on only for selected users and this one is not selected. */
  FEATURE_NOT_ENABLED("My Staff is not enabled for your account."),
  /** The user holds no administrator role that is active now. */
  NO_ADMIN_ROLE("You have insufficient permissions: My Staff requires an administrator role."),
  /** Conditional access demands multifactor authentication that this sign-in did not satisfy. */
  MFA_REQUIRED("Your organization requires multifactor authentication to use My Staff."),
  /** Conditional access blocked the sign-in. */
  BLOCKED_BY_POLICY("Your organization's access policy blocked this sign-in."),
  /** The user does not exist or is disabled. */
  ACCOUNT_UNAVAILABLE("Your account is not available."),
  /**
   * The user's active administrator roles grant nothing in My Staff: neither resetting passwords
   * nor managing phone numbers (e.g. Global Reader, Directory Readers, a custom role without those
   * permissions).
   */
  NO_MY_STAFF_PERMISSION(
      "You have insufficient permissions: your administrator roles do not allow any action in My Staff."),
  /** The session reached its absolute lifetime; the manager must sign in again. */
  SESSION_EXPIRED("Your My Staff session has expired. Sign in again.");

  private final String message;

  SignInRefusal(String message) {
    this.message = message;
  }

  /** {@return a sentence for the manager explaining the refusal} */
  public String message() {
    return message;
  }
}
