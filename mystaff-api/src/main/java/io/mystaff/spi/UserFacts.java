package io.mystaff.spi;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.UnitId;
import io.mystaff.api.authz.RoleAssignment;
import java.util.List;
import java.util.Set;

/**
 * What the authorization engine reads about one user as the target of an action, in one value: the
 * answers of {@link Directory#unitsOf}, {@link Directory#undecidedUnitsOf}, {@link
 * Directory#assignmentsOf} and {@link Directory#isRoleAssignableGroupMember} for that user. The
 * batched read {@link Directory#userFactsOf} returns one per user.
 *
 * @param units the units the user is a member of
 * @param undecidedUnits the dynamic units whose rule could not be decided for the user
 * @param assignments the user's effective role assignments, direct and through groups
 * @param roleAssignableGroupMember whether the user is in a role-assignable group
 * @since 0.1.0
 */
public record UserFacts(
    Set<UnitId> units,
    Set<UnitId> undecidedUnits,
    List<RoleAssignment> assignments,
    boolean roleAssignableGroupMember) {
  /** Facts of a user in no unit, with no role: what the single reads answer for an unknown user. */
  public static final UserFacts NONE = new UserFacts(Set.of(), Set.of(), List.of(), false);

  /**
   * Copies the collections.
   *
   * @param units the units the user is a member of
   * @param undecidedUnits the dynamic units whose rule could not be decided for the user
   * @param assignments the user's effective role assignments, direct and through groups
   * @param roleAssignableGroupMember whether the user is in a role-assignable group
   */
  public UserFacts {
    units = Set.copyOf(requireNonNull(units, "units"));
    undecidedUnits = Set.copyOf(requireNonNull(undecidedUnits, "undecidedUnits"));
    assignments = List.copyOf(requireNonNull(assignments, "assignments"));
  }
}
