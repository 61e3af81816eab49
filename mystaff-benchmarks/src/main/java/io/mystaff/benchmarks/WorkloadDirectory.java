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
 * <p>Everything goes through the directory's builder, as a host's bulk load of a tenant would: the
 * builder indexes every user's search terms in one pass at the end instead of one user at a time.
 * The builder holds the users until it builds, so the peak heap while loading is the directory, the
 * workload's arrays and the builder's lists of users and memberships.
 */
final class WorkloadDirectory {
  private WorkloadDirectory() {}

  static InMemoryDirectory load(Workload w) {
    return load(w, InMemoryDirectory.builder());
  }

  /** Loads the workload with {@code builder} (empty, perhaps configured) and builds. */
  static InMemoryDirectory load(Workload w, InMemoryDirectory.Builder builder) {
    return fill(w, builder).build();
  }

  /** Gives the workload to {@code builder} (empty, perhaps configured), without building. */
  static InMemoryDirectory.Builder fill(Workload w, InMemoryDirectory.Builder builder) {
    for (RoleDefinition role : w.catalog.all()) {
      if (!role.isBuiltIn()) {
        builder.customRole(role);
      }
    }
    for (int u = 0; u < w.scale.units; u++) {
      builder.unit(
          w.dynamicDepartment(u) >= 0
              ? AdministrativeUnit.dynamic(Workload.unitId(u), w.unitName(u), w.dynamicRule(u))
              : AdministrativeUnit.assigned(Workload.unitId(u), w.unitName(u)));
    }
    for (int i = 0; i < w.scale.users; i++) {
      builder.user(user(w, i));
      builder.member(Workload.unitId(w.homeUnit[i]), Workload.userId(i));
      if (w.secondUnit[i] >= 0) {
        builder.member(Workload.unitId(w.secondUnit[i]), Workload.userId(i));
      }
    }
    for (List<RoleAssignment> assignments : w.assignmentsByManager.values()) {
      assignments.forEach(builder::assignment);
    }
    return builder;
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
