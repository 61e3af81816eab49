package io.mystaff.core;

import io.mystaff.api.authz.BuiltInRole;
import io.mystaff.api.authz.DenyReason;
import io.mystaff.api.authz.RoleAssignment;
import io.mystaff.api.authz.Scope;
import io.mystaff.api.directory.User;
import io.mystaff.core.access.FeatureAvailability;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may change the My Staff availability setting, "User Administrator or higher": an enabled user
 * with an assignment active now, scoped to the whole tenant, of User Administrator, Privileged Role
 * Administrator or Global Administrator. Unit-scoped assignments of those roles do not count: the
 * setting is tenant-wide.
 */
final class AvailabilityAdmins {
  /** The roles that may change the setting, at tenant scope. */
  static final Set<BuiltInRole> ROLES =
      EnumSet.of(
          BuiltInRole.USER_ADMINISTRATOR,
          BuiltInRole.PRIVILEGED_ROLE_ADMINISTRATOR,
          BuiltInRole.GLOBAL_ADMINISTRATOR);

  private AvailabilityAdmins() {}

  /**
   * Empty if the user may change the setting; else why not: {@link DenyReason#NO_ACTIVE_ROLE} for
   * an unknown or disabled user or one with no assignment active now, {@link
   * DenyReason#ROLE_LACKS_PERMISSION} for one whose active assignments are of other roles or not
   * tenant-wide.
   */
  static Optional<DenyReason> check(
      Optional<User> user, List<RoleAssignment> assignments, Instant now) {
    if (user.isEmpty() || !user.get().accountEnabled()) {
      return Optional.of(DenyReason.NO_ACTIVE_ROLE);
    }
    boolean active = false;
    for (RoleAssignment a : assignments) {
      if (!a.isActiveAt(now)) {
        continue;
      }
      active = true;
      Optional<BuiltInRole> role = BuiltInRole.byTemplateId(a.role());
      if (role.isPresent() && ROLES.contains(role.get()) && a.scope().equals(Scope.tenant())) {
        return Optional.empty();
      }
    }
    return Optional.of(active ? DenyReason.ROLE_LACKS_PERMISSION : DenyReason.NO_ACTIVE_ROLE);
  }

  /**
   * The setting as an audit value: {@code All}, {@code None} or {@code Selected users=[..]
   * groups=[..]}.
   */
  static String describe(FeatureAvailability availability) {
    if (availability instanceof FeatureAvailability.Selected selected) {
      Set<String> users = new TreeSet<>();
      selected.users().forEach(u -> users.add(u.value()));
      Set<String> groups = new TreeSet<>();
      selected.groups().forEach(g -> groups.add(g.value()));
      return "Selected users=" + users + " groups=" + groups;
    }
    return availability instanceof FeatureAvailability.All ? "All" : "None";
  }
}
