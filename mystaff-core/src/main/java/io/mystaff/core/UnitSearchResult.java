package io.mystaff.core;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.authz.StaffAction;
import io.mystaff.api.directory.AdministrativeUnit;
import java.util.Set;

/**
 * An administrative unit found by an organization-wide search, with the actions the manager's
 * active role assignments allow on its members by virtue of their scope (a unit-scoped assignment
 * to it, or a tenant-wide one, which does not reach the members of a restricted-management unit for
 * changes). Individual members may still be protected; their own actions say so.
 */
public record UnitSearchResult(AdministrativeUnit unit, Set<StaffAction> allowedActions) {
  public UnitSearchResult {
    requireNonNull(unit, "unit");
    allowedActions = StaffActions.copyOf(allowedActions);
  }

  /** True if the manager may change members of this unit in some way. */
  public boolean canManage() {
    return StaffActions.anyChange(allowedActions);
  }

  /** This unit as a location whose members can be listed. */
  public Location location() {
    return Location.of(unit);
  }
}
