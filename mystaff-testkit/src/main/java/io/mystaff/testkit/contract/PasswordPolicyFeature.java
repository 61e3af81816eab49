package io.mystaff.testkit.contract;

/**
 * Optional features of a {@link io.mystaff.spi.PasswordPolicy}, for {@link
 * PasswordPolicyTestSuiteBuilder}.
 */
public enum PasswordPolicyFeature {
  /** A candidate in {@link io.mystaff.api.password.PasswordContext#history()} is rejected. */
  ENFORCES_HISTORY,
  /** A candidate containing the user's display name (a word of it) is rejected. */
  REJECTS_USER_NAMES
}
