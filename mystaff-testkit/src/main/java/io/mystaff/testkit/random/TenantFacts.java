package io.mystaff.testkit.random;

import io.mystaff.api.UnitId;
import io.mystaff.api.UnknownUserException;
import io.mystaff.api.UserId;
import io.mystaff.api.authz.ActorFacts;
import io.mystaff.api.authz.RoleAssignment;
import io.mystaff.api.authz.Scope;
import io.mystaff.api.authz.TargetFacts;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.testkit.fixtures.Tenant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The facts the authorization engine decides on, read from a {@link Tenant}, as a directory
 * provider would assemble them. Unit membership is the tenant's explicit (assigned) membership:
 * members of dynamic units follow from rules this class does not evaluate.
 */
public final class TenantFacts {
  private TenantFacts() {}

  /**
   * The user's facts as an actor: all their effective assignments (direct and through groups), in
   * the tenant's order.
   *
   * @throws UnknownUserException if the tenant has no such user
   */
  public static ActorFacts actor(Tenant tenant, UserId user) {
    requireUser(tenant, user);
    return new ActorFacts(user, tenant.assignmentsOf(user));
  }

  /**
   * The user's facts as a target: assigned units, the restricted ones among those units and among
   * the scopes of the user's effective assignments, those assignments (direct and through groups),
   * role-assignable group membership ({@link Tenant#isRoleAssignableGroupMember}), and whether the
   * user is a guest.
   *
   * @throws UnknownUserException if the tenant has no such user
   */
  public static TargetFacts target(Tenant tenant, UserId user) {
    return target(tenant, user, Set.of());
  }

  /**
   * The user's facts as a target when the rules of the dynamic units {@code undecidedUnits} could
   * not be decided for the user: as {@link #target(Tenant, UserId)}, plus the restricted units
   * among {@code undecidedUnits}.
   *
   * @throws UnknownUserException if the tenant has no such user
   */
  public static TargetFacts target(Tenant tenant, UserId user, Set<UnitId> undecidedUnits) {
    requireUser(tenant, user);
    Set<UnitId> units = unitsOf(tenant, user);
    List<RoleAssignment> assignments = tenant.assignmentsOf(user);
    Set<UnitId> restricted = new LinkedHashSet<>();
    for (UnitId u : units) {
      if (isRestricted(tenant, u)) {
        restricted.add(u);
      }
    }
    for (RoleAssignment a : assignments) {
      if (a.scope() instanceof Scope.Unit unit && isRestricted(tenant, unit.unit())) {
        restricted.add(unit.unit());
      }
    }
    Set<UnitId> undecidedRestricted = new LinkedHashSet<>();
    for (UnitId u : undecidedUnits) {
      if (isRestricted(tenant, u)) {
        undecidedRestricted.add(u);
      }
    }
    TargetFacts facts =
        new TargetFacts(
            user,
            units,
            restricted,
            assignments,
            tenant.isRoleAssignableGroupMember(user),
            undecidedRestricted);
    return tenant.user(user).orElseThrow().isGuest() ? facts.asGuest() : facts;
  }

  /** The assigned units the user is an explicit member of, in the tenant's unit order. */
  public static Set<UnitId> unitsOf(Tenant tenant, UserId user) {
    Set<UnitId> units = new LinkedHashSet<>();
    for (AdministrativeUnit u : tenant.units()) {
      if (tenant.assignedMembersOf(u.id()).contains(user)) {
        units.add(u.id());
      }
    }
    return units;
  }

  private static boolean isRestricted(Tenant tenant, UnitId unit) {
    return tenant.unit(unit).map(AdministrativeUnit::restrictedManagement).orElse(false);
  }

  private static void requireUser(Tenant tenant, UserId user) {
    if (tenant.user(user).isEmpty()) {
      throw new UnknownUserException(user);
    }
  }
}
