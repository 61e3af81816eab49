package io.mystaff.tests.reliability;

import io.mystaff.api.AssignmentId;
import io.mystaff.api.GroupId;
import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import io.mystaff.api.access.SignInRefusal;
import io.mystaff.api.authz.BuiltInRole;
import io.mystaff.api.authz.Decision;
import io.mystaff.api.authz.RoleAssignment;
import io.mystaff.api.authz.RoleDefinition;
import io.mystaff.api.authz.StaffAction;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.api.directory.User;
import io.mystaff.testkit.fixtures.Tenant;
import io.mystaff.testkit.reference.ReferenceAuthorizationModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The model the model-based test runs against: a plain map of user state (versions ignored), the
 * tenant's structure as plain collections, and the {@link ReferenceAuthorizationModel} for every
 * decision. A manager whose account is disabled holds no role (the session rule of {@code
 * StaffSession}); a target's own roles still protect it whether or not it is enabled.
 */
final class StaffModel {
  private static final ReferenceAuthorizationModel REFERENCE = new ReferenceAuthorizationModel();
  private static final Set<BuiltInRole> CHANGING_ROLES =
      EnumSet.of(
          BuiltInRole.GLOBAL_ADMINISTRATOR,
          BuiltInRole.PRIVILEGED_AUTHENTICATION_ADMINISTRATOR,
          BuiltInRole.AUTHENTICATION_ADMINISTRATOR,
          BuiltInRole.USER_ADMINISTRATOR,
          BuiltInRole.HELPDESK_ADMINISTRATOR,
          BuiltInRole.PASSWORD_ADMINISTRATOR);

  final Map<UserId, User> users = new LinkedHashMap<>();
  final List<AdministrativeUnit> units;
  final Map<UnitId, Set<UserId>> members = new LinkedHashMap<>();
  final Map<AssignmentId, RoleAssignment> assignments = new LinkedHashMap<>();
  private final Tenant initial;

  StaffModel(Tenant tenant) {
    this.initial = tenant;
    tenant.users().forEach(u -> users.put(u.id(), normalized(u)));
    this.units = tenant.units();
    tenant
        .units()
        .forEach(u -> members.put(u.id(), new LinkedHashSet<>(tenant.assignedMembersOf(u.id()))));
    tenant.assignments().forEach(a -> assignments.put(a.id(), a));
  }

  /** {@code user} with version 0, so values compare on content alone. */
  static User normalized(User user) {
    return user.toBuilder().version(0).build();
  }

  /** The tenant as it is now, as {@code actor} acts in it: a disabled actor holds no assignment. */
  Tenant tenantFor(UserId actor) {
    boolean enabled = users.get(actor).accountEnabled();
    List<RoleAssignment> held = new ArrayList<>();
    for (RoleAssignment a : assignments.values()) {
      if (enabled || !a.principal().equals(actor)) {
        held.add(a);
      }
    }
    List<User> people = new ArrayList<>();
    for (User u : users.values()) {
      // a disabled actor holds nothing through groups either
      people.add(enabled || !u.id().equals(actor) ? u : u.toBuilder().groups(Set.of()).build());
    }
    return new Tenant(
        people, units, members, initial.customRoles(), held, initial.roleAssignableGroupMembers());
  }

  Decision decide(UserId actor, StaffAction action, UserId target, Instant now) {
    return REFERENCE.decide(tenantFor(actor), actor, action, target, now);
  }

  Set<StaffAction> allowed(UserId actor, UserId target, Instant now) {
    Set<StaffAction> allowed = EnumSet.noneOf(StaffAction.class);
    allowed.addAll(REFERENCE.allowedActions(tenantFor(actor), actor, target, now));
    // The providers revoke and unlock, but there is no on-premises account to unlock for a
    // cloud-only user: the action is not offered whatever the rules say.
    if (!users.get(target).isSynced()) {
      allowed.remove(StaffAction.UNLOCK_ACCOUNT);
    }
    return allowed;
  }

  /**
   * Whether the gate admits {@code user}: enabled, and some effective assignment of theirs (direct
   * or through a group) active now (eligible ones never are).
   */
  boolean admits(UserId user, Instant now) {
    return refusal(user, now).isEmpty();
  }

  /**
   * Why the gate refuses {@code user} now, if it does: disabled, no assignment active now, or none
   * of the active ones of a role that resets passwords or manages phones (the six password roles of
   * Entra's table, or a custom role listing either permission).
   */
  Optional<SignInRefusal> refusal(UserId user, Instant now) {
    if (!users.get(user).accountEnabled()) {
      return Optional.of(SignInRefusal.ACCOUNT_UNAVAILABLE);
    }
    boolean active = false;
    for (RoleAssignment a : effective(user)) {
      if (a.isActiveAt(now)) {
        active = true;
        if (grantsChange(a)) {
          return Optional.empty();
        }
      }
    }
    return Optional.of(active ? SignInRefusal.NO_MY_STAFF_PERMISSION : SignInRefusal.NO_ADMIN_ROLE);
  }

  private boolean grantsChange(RoleAssignment a) {
    Optional<BuiltInRole> builtIn = BuiltInRole.byTemplateId(a.role());
    if (builtIn.isPresent()) {
      return CHANGING_ROLES.contains(builtIn.get());
    }
    for (RoleDefinition d : initial.customRoles()) {
      if (d.id().equals(a.role())) {
        for (StaffAction action : StaffAction.values()) {
          if (action.isChange() && d.allowedResourceActions().contains(action.resourceAction())) {
            return true;
          }
        }
        return false;
      }
    }
    return false;
  }

  /** The user's direct assignments and those of the groups the user is a member of. */
  List<RoleAssignment> effective(UserId user) {
    Set<GroupId> groups = users.get(user).groups();
    List<RoleAssignment> held = new ArrayList<>();
    for (RoleAssignment a : assignments.values()) {
      if (a.principal().equals(user)
          || (a.principal() instanceof GroupId g && groups.contains(g))) {
        held.add(a);
      }
    }
    return held;
  }

  void update(User user) {
    users.put(user.id(), normalized(user));
  }
}
