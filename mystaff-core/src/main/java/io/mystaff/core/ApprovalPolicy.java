package io.mystaff.core;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.InvalidInputException;
import io.mystaff.api.UnitId;
import io.mystaff.api.authz.StaffAction;
import io.mystaff.api.authz.TargetFacts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which changes need a second manager's approval (four eyes), and how long a request waits for one.
 * A change needs approval when its action is one of {@link #actions()} and its target matches one
 * of the target rules (or there are none: then every target). Set it with {@link
 * MyStaff.Builder#approvals}; the default, {@link #none()}, covers nothing.
 *
 * <pre>{@code
 * ApprovalPolicy.builder()
 *     .actions(StaffAction.RESET_PASSWORD)
 *     .whenTarget(ApprovalPolicy.holdsAdminRole())
 *     .whenTarget(ApprovalPolicy.memberOfAny(Set.of(UnitId.of("head-office"))))
 *     .timeToLive(Duration.ofHours(4))
 *     .build();
 * }</pre>
 *
 * <p>A target rule is asked with the facts the engine decides on, read at the moment of the change;
 * a rule that throws counts as matching (fail closed: the change waits for approval). Immutable and
 * thread-safe if its rules are.
 *
 * @since 0.2.0
 */
public final class ApprovalPolicy {
  /** The default {@link #timeToLive()}: one day. */
  public static final Duration DEFAULT_TIME_TO_LIVE = Duration.ofDays(1);

  /** The longest {@link #timeToLive()}: 30 days. */
  public static final Duration MAX_TIME_TO_LIVE = Duration.ofDays(30);

  /** The actions whose changes can wait for approval. */
  private static final Set<StaffAction> APPROVABLE =
      Collections.unmodifiableSet(
          EnumSet.of(StaffAction.RESET_PASSWORD, StaffAction.MANAGE_PHONES));

  private static final Logger LOG = LoggerFactory.getLogger(ApprovalPolicy.class);
  private static final ApprovalPolicy NONE =
      new ApprovalPolicy(EnumSet.noneOf(StaffAction.class), List.of(), DEFAULT_TIME_TO_LIVE);

  private final Set<StaffAction> actions;
  private final List<Predicate<TargetFacts>> targetRules;
  private final Duration timeToLive;

  private ApprovalPolicy(
      Set<StaffAction> actions, List<Predicate<TargetFacts>> targetRules, Duration timeToLive) {
    this.actions = actions;
    this.targetRules = targetRules;
    this.timeToLive = timeToLive;
  }

  /** {@return the policy under which no change needs approval, the default} */
  public static ApprovalPolicy none() {
    return NONE;
  }

  /** {@return a builder for a policy; its default actions are every change} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A target rule matching users who hold a role assignment, active or not, own or through a
   * role-assignable group: the users the engine counts as administrators when it protects them.
   *
   * @return the rule
   */
  public static Predicate<TargetFacts> holdsAdminRole() {
    return t -> !t.assignments().isEmpty();
  }

  /**
   * A target rule matching members of any of {@code units} (assigned or dynamic).
   *
   * @param units the units
   * @return the rule
   * @throws InvalidInputException if {@code units} is missing, empty or holds a null
   */
  public static Predicate<TargetFacts> memberOfAny(Set<UnitId> units) {
    if (units == null || units.isEmpty() || units.stream().anyMatch(u -> u == null)) {
      throw InvalidInputException.of("units", "must name at least one unit", "settings.invalid");
    }
    Set<UnitId> copy = Set.copyOf(units);
    return t -> t.units().stream().anyMatch(copy::contains);
  }

  /** {@return the changes that may need approval} */
  public Set<StaffAction> actions() {
    return actions;
  }

  /** {@return how long a request waits for a decision before it expires} */
  public Duration timeToLive() {
    return timeToLive;
  }

  /** {@return true if no change ever needs approval} */
  public boolean coversNothing() {
    return actions.isEmpty();
  }

  /**
   * Whether {@code action} on the user {@code target} describes needs approval.
   *
   * @param action the change
   * @param target the facts about the user, as the engine reads them
   * @return true if it needs another manager's approval
   */
  public boolean requiresApproval(StaffAction action, TargetFacts target) {
    requireNonNull(action, "action");
    requireNonNull(target, "target");
    if (!actions.contains(action)) {
      return false;
    }
    if (targetRules.isEmpty()) {
      return true;
    }
    for (Predicate<TargetFacts> rule : targetRules) {
      try {
        if (rule.test(target)) {
          return true;
        }
      } catch (RuntimeException e) { // fail closed: an unanswerable rule means four eyes
        LOG.warn("An approval target rule failed for {}; approval required", target.id(), e);
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "ApprovalPolicy{actions="
        + actions
        + ", targetRules="
        + targetRules.size()
        + ", timeToLive="
        + timeToLive
        + "}";
  }

  /** Collects a policy; {@link #build()} validates. Not thread-safe. */
  public static final class Builder {
    private Set<StaffAction> actions = APPROVABLE;
    private final List<Predicate<TargetFacts>> targetRules = new ArrayList<>();
    private Duration timeToLive = DEFAULT_TIME_TO_LIVE;

    private Builder() {}

    /**
     * The changes that need approval: {@code RESET_PASSWORD}, {@code MANAGE_PHONES} or both (the
     * default); checked by {@link #build()}.
     *
     * @param first a change
     * @param more more changes
     * @return this builder
     */
    public Builder actions(StaffAction first, StaffAction... more) {
      EnumSet<StaffAction> set = EnumSet.of(requireNonNull(first, "first"), more);
      this.actions = set;
      return this;
    }

    /**
     * Adds a target rule: the change needs approval when any rule matches its target. Without a
     * rule, every target matches.
     *
     * @param rule a rule over the facts the engine decides on
     * @return this builder
     */
    public Builder whenTarget(Predicate<TargetFacts> rule) {
      targetRules.add(requireNonNull(rule, "rule"));
      return this;
    }

    /**
     * How long a request waits for a decision, more than zero and at most {@link
     * #MAX_TIME_TO_LIVE}; checked by {@link #build()}.
     *
     * @param ttl the time to live
     * @return this builder
     */
    public Builder timeToLive(Duration ttl) {
      this.timeToLive = requireNonNull(ttl, "ttl");
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return the policy
     * @throws InvalidInputException if the time to live is out of range, or an action cannot wait
     *     for approval
     */
    public ApprovalPolicy build() {
      if (timeToLive.isNegative()
          || timeToLive.isZero()
          || timeToLive.compareTo(MAX_TIME_TO_LIVE) > 0) {
        throw InvalidInputException.of(
            "approval time to live",
            "must be more than zero and at most 30 days",
            "settings.invalid");
      }
      for (StaffAction a : actions) {
        if (!APPROVABLE.contains(a)) {
          throw InvalidInputException.of(
              "approval actions",
              a + " cannot wait for approval; only " + APPROVABLE + " can",
              "settings.invalid");
        }
      }
      return new ApprovalPolicy(
          Collections.unmodifiableSet(EnumSet.copyOf(actions)),
          List.copyOf(targetRules),
          timeToLive);
    }
  }
}
