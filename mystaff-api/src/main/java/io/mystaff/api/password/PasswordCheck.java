package io.mystaff.api.password;

import java.util.List;

/**
 * The outcome of checking a password against a policy: accepted exactly when no violations.
 *
 * @param violations every reason the password was rejected; empty if accepted
 * @since 0.1.0
 */
public record PasswordCheck(List<PolicyViolation> violations) {
  private static final PasswordCheck ACCEPTED = new PasswordCheck(List.of());

  /**
   * Copies the collections.
   *
   * @param violations every reason the password was rejected; empty if accepted
   */
  public PasswordCheck {
    violations = List.copyOf(violations);
  }

  /** {@return the check of a password that broke no rule} */
  public static PasswordCheck accepted() {
    return ACCEPTED;
  }

  /**
   * A rejection.
   *
   * @param violations the rules the password broke; not empty
   * @return the check
   */
  public static PasswordCheck rejected(List<PolicyViolation> violations) {
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("a rejection needs at least one violation");
    }
    return new PasswordCheck(violations);
  }

  /** {@return true if the password broke no rule} */
  public boolean isAccepted() {
    return violations.isEmpty();
  }
}
