package io.mystaff.api.authz;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.InvalidInputException;
import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the engine knows about the user acted upon.
 *
 * @param units the administrative units the user is a member of (assigned or dynamic)
 * @param restrictedUnits the restricted-management units among {@code units} and among the scopes
 *     of the user's own {@code assignments}
 * @param assignments the user's effective role assignments, active or not: the user's own and those
 *     held through role-assignable groups (principal the group); they decide whether the user is
 *     protected
 * @param roleAssignableGroupMember whether the user is a member or owner of a role-assignable group
 * @param guest whether the user is a guest ({@code userType} Guest), whom no one changes through My
 *     Staff
 * @param undecidedRestrictedUnits the dynamic restricted-management units whose rule could not be
 *     decided for the user: not among {@code units} (their scope does not cover the user), yet the
 *     user counts as in a restricted unit (see {@link #inRestrictedUnit()})
 * @param id the user acted upon
 * @since 0.1.0
 */
public record TargetFacts(
    UserId id,
    Set<UnitId> units,
    Set<UnitId> restrictedUnits,
    List<RoleAssignment> assignments,
    boolean roleAssignableGroupMember,
    boolean guest,
    Set<UnitId> undecidedRestrictedUnits) {

  /**
   * Copies the collections.
   *
   * @param id the user acted upon
   * @param units the administrative units the user is a member of (assigned or dynamic)
   * @param restrictedUnits the restricted-management units among {@code units} and among the scopes
   *     of the user's own {@code assignments}
   * @param assignments the user's effective role assignments, active or not: the user's own and
   *     those held through role-assignable groups (principal the group); they decide whether the
   *     user is protected
   * @param roleAssignableGroupMember whether the user is a member or owner of a role-assignable
   *     group
   * @param guest whether the user is a guest ({@code userType} Guest), whom no one changes through
   *     My Staff
   * @param undecidedRestrictedUnits the dynamic restricted-management units whose rule could not be
   *     decided for the user: not among {@code units} (their scope does not cover the user), yet
   *     the user counts as in a restricted unit (see {@link #inRestrictedUnit()})
   * @throws InvalidInputException if an assignment's principal is neither the user nor a group
   */
  public TargetFacts {
    requireNonNull(id, "id");
    units = Set.copyOf(units);
    restrictedUnits = Set.copyOf(restrictedUnits);
    undecidedRestrictedUnits = Set.copyOf(undecidedRestrictedUnits);
    assignments = RoleAssignment.copiesOf(assignments);
    for (RoleAssignment a : assignments) {
      if (!a.isHeldThroughGroup() && !a.principal().equals(id)) {
        throw InvalidInputException.of(
            "target assignments", "must all have the target or a group as principal");
      }
    }
  }

  /**
   * Facts about a member of the organization (not a guest) whose dynamic units were all decided.
   *
   * @param id the user
   * @param units the units the user is a member of
   * @param restrictedUnits the restricted-management units among them and among the assignments'
   *     scopes
   * @param assignments the user's effective role assignments
   * @param roleAssignableGroupMember whether the user is in a role-assignable group
   */
  public TargetFacts(
      UserId id,
      Set<UnitId> units,
      Set<UnitId> restrictedUnits,
      List<RoleAssignment> assignments,
      boolean roleAssignableGroupMember) {
    this(id, units, restrictedUnits, assignments, roleAssignableGroupMember, false, Set.of());
  }

  /**
   * Facts about a member or a guest whose dynamic units were all decided.
   *
   * @param id the user
   * @param units the units the user is a member of
   * @param restrictedUnits the restricted-management units among them and among the assignments'
   *     scopes
   * @param assignments the user's effective role assignments
   * @param roleAssignableGroupMember whether the user is in a role-assignable group
   * @param guest whether the user is a guest
   */
  public TargetFacts(
      UserId id,
      Set<UnitId> units,
      Set<UnitId> restrictedUnits,
      List<RoleAssignment> assignments,
      boolean roleAssignableGroupMember,
      boolean guest) {
    this(id, units, restrictedUnits, assignments, roleAssignableGroupMember, guest, Set.of());
  }

  /**
   * Facts about a member, some of whose dynamic restricted units could not be decided.
   *
   * @param id the user
   * @param units the units the user is a member of
   * @param restrictedUnits the restricted-management units among them and among the assignments'
   *     scopes
   * @param assignments the user's effective role assignments
   * @param roleAssignableGroupMember whether the user is in a role-assignable group
   * @param undecidedRestrictedUnits the restricted units whose rule could not be decided
   */
  public TargetFacts(
      UserId id,
      Set<UnitId> units,
      Set<UnitId> restrictedUnits,
      List<RoleAssignment> assignments,
      boolean roleAssignableGroupMember,
      Set<UnitId> undecidedRestrictedUnits) {
    this(
        id,
        units,
        restrictedUnits,
        assignments,
        roleAssignableGroupMember,
        false,
        undecidedRestrictedUnits);
  }

  /** {@return these facts about a user who is a guest} */
  public TargetFacts asGuest() {
    return new TargetFacts(
        id,
        units,
        restrictedUnits,
        assignments,
        roleAssignableGroupMember,
        true,
        undecidedRestrictedUnits);
  }

  /**
   * A user with no roles, member of the given units, none restricted.
   *
   * @param id the user
   * @param units the units the user is a member of
   * @return the facts
   */
  public static TargetFacts member(UserId id, Set<UnitId> units) {
    return new TargetFacts(id, units, Set.of(), List.of(), false);
  }

  /**
   * True if the user is a member of at least one restricted-management unit, or may be one: an
   * undecided rule of a restricted unit keeps its protection.
   *
   * @return true if a restricted-management unit protects the user
   */
  public boolean inRestrictedUnit() {
    if (!undecidedRestrictedUnits.isEmpty()) {
      return true;
    }
    if (restrictedUnits.isEmpty()) {
      return false; // the common case, without a lookup per unit
    }
    for (UnitId u : units) {
      if (restrictedUnits.contains(u)) {
        return true;
      }
    }
    return false;
  }

  /** {@return a hash of every component} Written out, as {@link RoleAssignment}'s. */
  @Override
  public int hashCode() {
    return Objects.hash(
        id,
        units,
        restrictedUnits,
        assignments,
        roleAssignableGroupMember,
        guest,
        undecidedRestrictedUnits);
  }

  /** {@return true if {@code o} is a {@code TargetFacts} with equal components} */
  @Override
  public boolean equals(Object o) {
    return o instanceof TargetFacts f
        && id.equals(f.id)
        && roleAssignableGroupMember == f.roleAssignableGroupMember
        && guest == f.guest
        && units.equals(f.units)
        && restrictedUnits.equals(f.restrictedUnits)
        && undecidedRestrictedUnits.equals(f.undecidedRestrictedUnits)
        && assignments.equals(f.assignments);
  }
}
