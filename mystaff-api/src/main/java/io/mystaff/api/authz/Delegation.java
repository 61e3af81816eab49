package io.mystaff.api.authz;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.DelegationId;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A manager's (the delegator's) hand-over of some of their locations, and possibly only some
 * actions, to a deputy for the window [{@code from}, {@code until}). A deputy acts with the
 * delegator's role assignments <em>as they are at decision time</em>, restricted to {@code units}
 * and {@code actions}: a delegation never grants more than the delegator could do now.
 *
 * @param id the delegation's identifier
 * @param delegator the manager who hands over
 * @param deputy the user who stands in; never the delegator
 * @param units the delegated administrative units; not empty, unmodifiable
 * @param actions the delegated actions; not empty, unmodifiable
 * @param from the first instant the delegation grants (inclusive)
 * @param until the first instant it no longer grants (exclusive); after {@code from}
 * @since 0.2.0
 */
public record Delegation(
    DelegationId id,
    UserId delegator,
    UserId deputy,
    Set<UnitId> units,
    Set<StaffAction> actions,
    Instant from,
    Instant until) {

  /**
   * Checks and copies the components.
   *
   * @throws InvalidInputException if the deputy is the delegator, units or actions are empty, or
   *     the window is empty
   * @throws NullPointerException if a component is null
   */
  public Delegation {
    requireNonNull(id, "id");
    requireNonNull(delegator, "delegator");
    requireNonNull(deputy, "deputy");
    requireNonNull(from, "from");
    requireNonNull(until, "until");
    units = Collections.unmodifiableSet(new LinkedHashSet<>(requireNonNull(units, "units")));
    requireNonNull(actions, "actions");
    actions =
        Collections.unmodifiableSet(
            actions.isEmpty() ? EnumSet.noneOf(StaffAction.class) : EnumSet.copyOf(actions));
    if (delegator.equals(deputy)) {
      throw InvalidInputException.of("deputy", "must not be the delegator", "delegation.self");
    }
    if (units.isEmpty()) {
      throw InvalidInputException.of("units", "must not be empty", "delegation.units.empty");
    }
    if (actions.isEmpty()) {
      throw InvalidInputException.of("actions", "must not be empty", "delegation.actions.empty");
    }
    if (!from.isBefore(until)) {
      throw InvalidInputException.of("until", "must be after from", "delegation.window.empty");
    }
  }

  /** {@return true if the delegation grants at {@code now}: {@code from <= now < until}} */
  public boolean isActiveAt(Instant now) {
    return !now.isBefore(from) && now.isBefore(until);
  }

  /** {@return true if {@code action} is among the delegated actions} */
  public boolean delegates(StaffAction action) {
    return actions.contains(action);
  }
}
