package io.mystaff.testkit.fakes;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.UserId;
import io.mystaff.api.access.AccessVerdict;
import io.mystaff.api.access.SignInContext;
import io.mystaff.spi.ConditionalAccess;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A {@link ConditionalAccess} policy that a test scripts per user: allow, require multifactor
 * authentication, block with a reason, or throw (to prove the caller fails closed). Users without a
 * rule get the default verdict, initially allow. Every evaluation is recorded, including those that
 * throw.
 *
 * <p>The verdict depends only on the user, never on whether the sign-in satisfied MFA: deciding
 * what a {@code RequireMfa} verdict means for that sign-in is the caller's job. Thread-safe.
 */
public final class ScriptedConditionalAccess implements ConditionalAccess {
  private final Map<UserId, Supplier<AccessVerdict>> rules = new HashMap<>();
  private final List<SignInContext> evaluations = new ArrayList<>();
  private Supplier<AccessVerdict> defaultRule;

  private ScriptedConditionalAccess(AccessVerdict defaultVerdict) {
    this.defaultRule = () -> defaultVerdict;
  }

  /** A policy allowing everyone until scripted otherwise. */
  public static ScriptedConditionalAccess allowingAll() {
    return new ScriptedConditionalAccess(AccessVerdict.allow());
  }

  /** A policy requiring MFA of everyone until scripted otherwise. */
  public static ScriptedConditionalAccess requiringMfaOfAll() {
    return new ScriptedConditionalAccess(AccessVerdict.requireMfa());
  }

  /**
   * Allows {@code user}.
   *
   * @return this policy
   */
  public ScriptedConditionalAccess allow(UserId user) {
    return rule(user, AccessVerdict.allow());
  }

  /**
   * Requires MFA of {@code user}.
   *
   * @return this policy
   */
  public ScriptedConditionalAccess requireMfa(UserId user) {
    return rule(user, AccessVerdict.requireMfa());
  }

  /**
   * Blocks {@code user} with {@code reason}.
   *
   * @return this policy
   */
  public ScriptedConditionalAccess block(UserId user, String reason) {
    return rule(user, AccessVerdict.block(reason));
  }

  /**
   * Makes every evaluation for {@code user} throw the exception {@code failure} supplies (a fresh
   * one per call, so stack traces stay honest).
   *
   * @return this policy
   */
  public synchronized ScriptedConditionalAccess failFor(
      UserId user, Supplier<? extends RuntimeException> failure) {
    requireNonNull(user, "user");
    requireNonNull(failure, "failure");
    rules.put(
        user,
        () -> {
          throw failure.get();
        });
    return this;
  }

  /**
   * Sets the verdict for users without a rule.
   *
   * @return this policy
   */
  public synchronized ScriptedConditionalAccess otherwise(AccessVerdict verdict) {
    requireNonNull(verdict, "verdict");
    defaultRule = () -> verdict;
    return this;
  }

  /**
   * Makes every evaluation for users without a rule throw the exception {@code failure} supplies.
   *
   * @return this policy
   */
  public synchronized ScriptedConditionalAccess otherwiseFail(
      Supplier<? extends RuntimeException> failure) {
    requireNonNull(failure, "failure");
    defaultRule =
        () -> {
          throw failure.get();
        };
    return this;
  }

  /**
   * Removes the rule for {@code user}, who gets the default verdict again.
   *
   * @return this policy
   */
  public synchronized ScriptedConditionalAccess forget(UserId user) {
    rules.remove(requireNonNull(user, "user"));
    return this;
  }

  /** Records the evaluation, then applies the user's rule or the default. */
  @Override
  public AccessVerdict evaluate(SignInContext context) {
    requireNonNull(context, "context");
    Supplier<AccessVerdict> rule;
    synchronized (this) {
      evaluations.add(context);
      rule = rules.getOrDefault(context.user(), defaultRule);
    }
    return rule.get();
  }

  /** Every context evaluated, oldest first. */
  public synchronized List<SignInContext> evaluations() {
    return List.copyOf(evaluations);
  }

  /** How many times {@code user}'s sign-in was evaluated. */
  public synchronized int evaluationsOf(UserId user) {
    requireNonNull(user, "user");
    return (int) evaluations.stream().filter(c -> c.user().equals(user)).count();
  }

  /** How many evaluations there were in all. */
  public synchronized int evaluationCount() {
    return evaluations.size();
  }

  private synchronized ScriptedConditionalAccess rule(UserId user, AccessVerdict verdict) {
    requireNonNull(user, "user");
    rules.put(user, () -> verdict);
    return this;
  }

  @Override
  public synchronized String toString() {
    return "ScriptedConditionalAccess["
        + rules.size()
        + " rules, "
        + evaluations.size()
        + " evaluations]";
  }
}
