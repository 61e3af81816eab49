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

  public static PasswordCheck accepted() {
    return ACCEPTED;
  }

  public static PasswordCheck rejected(List<PolicyViolation> violations) {
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("a rejection needs at least one violation");
    }
    return new PasswordCheck(violations);
  }

  public boolean isAccepted() {
    return violations.isEmpty();
  }
}
