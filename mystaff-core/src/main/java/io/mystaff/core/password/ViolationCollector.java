package io.mystaff.core.password;

import io.mystaff.api.password.PasswordCheck;
import io.mystaff.api.password.PolicyViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Collects the violations of one password check in the order its rules run, and the rules that both
 * policies share. One instance per check; not thread-safe.
 */
final class ViolationCollector {
  private final List<PolicyViolation> violations = new ArrayList<>();

  /** Reports {@link PasswordViolations#TOO_SHORT} or {@link PasswordViolations#TOO_LONG}. */
  void checkLength(int length, int minLength, int maxLength) {
    if (length < minLength) {
      violations.add(PolicyViolation.of(PasswordViolations.TOO_SHORT, "minLength", minLength));
    }
    if (length > maxLength) {
      violations.add(PolicyViolation.of(PasswordViolations.TOO_LONG, "maxLength", maxLength));
    }
  }

  /**
   * Reports {@link PasswordViolations#TOO_FEW_CATEGORIES} unless {@code categoryBits} has at least
   * {@code required} bits set.
   */
  void checkCategories(int categoryBits, int required, String categoryNames) {
    if (Integer.bitCount(categoryBits) < required) {
      violations.add(
          new PolicyViolation(
              PasswordViolations.TOO_FEW_CATEGORIES,
              Map.of("categoriesRequired", String.valueOf(required), "categories", categoryNames)));
    }
  }

  /** Reports the argument-free violation {@code key} if {@code broken}. */
  void reportIf(boolean broken, String key) {
    if (broken) {
      violations.add(PolicyViolation.of(key));
    }
  }

  void report(PolicyViolation violation) {
    violations.add(violation);
  }

  PasswordCheck toCheck() {
    return violations.isEmpty() ? PasswordCheck.accepted() : PasswordCheck.rejected(violations);
  }
}
