package io.mystaff.membership;

/**
 * The steps one rule evaluation may still take: every instruction a {@code -match} visits counts
 * one, so the time of an evaluation is bounded whatever the pattern and the value. One per
 * evaluation; not thread-safe.
 */
final class StepBudget {
  private long remaining;

  StepBudget(long steps) {
    this.remaining = steps;
  }

  /** Takes one step; false (and nothing taken) once the budget is spent. */
  boolean spend() {
    if (remaining <= 0) {
      return false;
    }
    remaining--;
    return true;
  }
}
