package io.mystaff.membership;

/**
 * The three-valued result of evaluating a {@link MembershipRule} for a user. A rule is {@link
 * #UNDECIDED} when its evaluation spent its step budget before the answer was known; {@code -and},
 * {@code -or} and {@code -not} combine outcomes by Kleene's logic, so an undecided comparison
 * leaves the rule undecided only when its answer would matter.
 */
public enum RuleOutcome {
  /** The user satisfies the rule. */
  MATCH,
  /** The user does not satisfy the rule. */
  NO_MATCH,
  /**
   * The evaluation spent its step budget before it could tell. Callers fail closed: a user with an
   * undecided rule is treated as a member where membership protects (a restricted-management unit)
   * and as no member where membership grants (an administrator's scope).
   */
  UNDECIDED;

  /** The outcome of the negated rule: {@code MATCH} and {@code NO_MATCH} swap. */
  RuleOutcome negate() {
    return switch (this) {
      case MATCH -> NO_MATCH;
      case NO_MATCH -> MATCH;
      default -> UNDECIDED;
    };
  }
}
