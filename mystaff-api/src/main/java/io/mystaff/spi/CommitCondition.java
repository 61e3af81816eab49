package io.mystaff.spi;

import io.mystaff.api.StaleFactsException;

/**
 * What must still hold for a write to commit: core's authorization decision, re-checked against the
 * facts it rested on at the moment the write commits, not only when it was decided.
 *
 * <p>A {@link DirectoryWriter} calls {@link #verify} exactly once per write, <em>inside</em> its
 * atomic section, after its compare-and-set check passed and before anything is stored, with a
 * {@link Directory} that reads the state the write commits against. No other write to those facts
 * (the target user, the target's units and role assignments, the restricted-management flag of each
 * of the target's units, the manager's account and assignments, the role catalog) may commit
 * between the call and the commit. If {@code verify} throws, the writer stores nothing, no user and
 * no audit event, and rethrows the exception unchanged.
 *
 * <p>Implementations come from core; a provider never builds one. The reads {@code verify} makes
 * are the ones a decision makes: a handful of {@link Directory#findUser}, {@link
 * Directory#findUnit}, {@link Directory#unitsOf}, {@link Directory#assignmentsOf}, {@link
 * Directory#isRoleAssignableGroupMember} and {@link Directory#roles} calls, never a listing.
 *
 * <p>How a provider meets this: hold, for the duration of the call and the commit, whatever
 * excludes writes to those facts (the in-memory provider holds its directory lock; a SQL provider
 * runs {@code verify} in the write's transaction with a {@code Directory} bound to that
 * transaction, locking or versioning the rows it reads).
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface CommitCondition {

  /**
   * Checks that the write may still commit.
   *
   * @param current the directory as the write sees it inside its atomic section
   * @throws StaleFactsException if a fact the decision rested on changed: the writer changes
   *     nothing and rethrows it, and core decides again
   */
  void verify(Directory current);

  /**
   * A condition that always holds, for writes that rest on no decision (administration, tests).
   *
   * @return the condition
   */
  static CommitCondition none() {
    return NoCondition.INSTANCE;
  }
}

/** The condition that always holds. */
enum NoCondition implements CommitCondition {
  INSTANCE;

  @Override
  public void verify(Directory current) {}

  @Override
  public String toString() {
    return "CommitCondition.none()";
  }
}
