package io.mystaff.benchmarks;

import io.mystaff.api.authz.RoleAssignment;
import io.mystaff.api.authz.RoleDefinition;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.api.directory.User;
import io.mystaff.api.directory.UserSource;
import io.mystaff.inmemory.InMemoryDirectory;
import java.util.List;

/**
 * Loads a {@link Workload} into an {@link InMemoryDirectory}: its units (the dynamic ones with
 * their rules, so the directory computes their members), its users with names, department and
 * source, their assigned memberships, the custom role and every role assignment.
 *
 * <p>Everything goes through the directory's live mutators, one at a time, so the peak heap while
 * loading is the directory plus the workload's arrays, with no second copy of the users.
 */
final class WorkloadDirectory {
  private WorkloadDirectory() {}

  static InMemoryDirectory load(Workload w) {
    return load(w, InMemoryDirectory.builder());
  }

  /** Loads the workload into the (empty) directory that {@code empty} builds. */
  static InMemoryDirectory load(Workload w, InMemoryDirectory.Builder empty) {
    InMemoryDirectory d = empty.build();
    for (RoleDefinition role : w.catalog.all()) {
      if (!role.isBuiltIn()) {
        d.putCustomRole(role);
      }
    }
    for (int u = 0; u < w.scale.units; u++) {
      d.putUnit(
          w.dynamicDepartment(u) >= 0
              ? AdministrativeUnit.dynamic(Workload.unitId(u), w.unitName(u), w.dynamicRule(u))
              : AdministrativeUnit.assigned(Workload.unitId(u), w.unitName(u)));
    }
    for (int i = 0; i < w.scale.users; i++) {
      d.putUser(user(w, i));
      d.addMember(Workload.unitId(w.homeUnit[i]), Workload.userId(i));
      if (w.secondUnit[i] >= 0) {
        d.addMember(Workload.unitId(w.secondUnit[i]), Workload.userId(i));
      }
    }
    for (List<RoleAssignment> assignments : w.assignmentsByManager.values()) {
      assignments.forEach(d::addAssignment);
    }
    return d;
  }

  static User user(Workload w, int i) {
    User.Builder b =
        User.builder()
            .id(Workload.userId(i))
            .userPrincipalName(w.userPrincipalName(i))
            .displayName(w.displayName(i))
            .attribute("department", w.departmentOf(i));
    if (w.isSynced(i)) {
      b.source(UserSource.SYNCED_FROM_ON_PREMISES).onPremisesSamAccountName("u" + i);
    }
    return b.build();
  }
}
