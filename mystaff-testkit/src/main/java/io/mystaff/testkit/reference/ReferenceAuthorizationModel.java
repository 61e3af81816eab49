package io.mystaff.testkit.reference;

import static java.util.Map.entry;
import static java.util.Objects.requireNonNull;

import io.mystaff.api.GroupId;
import io.mystaff.api.UnitId;
import io.mystaff.api.UnknownUserException;
import io.mystaff.api.UserId;
import io.mystaff.api.authz.AssignmentKind;
import io.mystaff.api.authz.Decision;
import io.mystaff.api.authz.DenyReason;
import io.mystaff.api.authz.RoleAssignment;
import io.mystaff.api.authz.RoleCatalog;
import io.mystaff.api.authz.RoleDefinition;
import io.mystaff.api.authz.Scope;
import io.mystaff.api.authz.StaffAction;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.api.directory.UserType;
import io.mystaff.testkit.fixtures.Tenant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The authorization rules restated as plainly as possible, to serve as the oracle the engine is
 * compared with. It reads a {@link Tenant} directly, follows the rules step by step with lists and
 * loops, and transcribes Entra's tables row by row as the documents print them. It shares no code
 * or tables with the engine and makes no attempt to be fast.
 *
 * <p>The rules (Microsoft Entra, "Privileged roles and permissions", sections "Who can reset
 * passwords" and "Who can perform sensitive actions"; "Restricted management administrative units";
 * "Assign Microsoft Entra roles", section "Roles that can be assigned with administrative unit
 * scope"; "Use Microsoft Entra groups to manage role assignments"; Privileged Identity Management's
 * eligible and scheduled assignments):
 *
 * <ol>
 *   <li>A user holds the assignments given to them and those given to the groups they are a member
 *       of ({@code User.groups()}), alike.
 *   <li>The actor's assignments count only when active (not eligible) and inside their window at
 *       {@code now}; the target is protected by every assignment whose window has not ended at
 *       {@code now} (active, scheduled or eligible).
 *   <li>A change on oneself is denied: {@code SELF_ACTION}.
 *   <li>Without an active assignment everything is denied: {@code NO_ACTIVE_ROLE}.
 *   <li>An assignment scoped to a unit whose role Entra does not allow at unit scope (the list of
 *       built-ins below; a custom role without a user, group or device permission) grants nothing;
 *       if that leaves none: {@code ROLE_NOT_ASSIGNABLE_AT_UNIT_SCOPE}.
 *   <li>Viewing a profile is allowed to anyone with a remaining assignment, for anyone.
 *   <li>A change needs a role that grants it (the table's column roles, or a custom role listing
 *       the action's resource action): else {@code ROLE_LACKS_PERMISSION}.
 *   <li>A target in a restricted-management unit can be changed only through an assignment scoped
 *       to a restricted unit the target is in: else {@code RESTRICTED_MANAGEMENT_UNIT}. A
 *       restricted unit whose dynamic rule could not be decided for the target makes the target
 *       restricted just the same, but is not a unit the target is in: an assignment scoped to it
 *       does not reach the target.
 *   <li>Otherwise the assignment's scope must contain the target: else {@code TARGET_OUT_OF_SCOPE}.
 *   <li>The assignment's role must be allowed, by the table, on everything the target is; a custom
 *       role only on users without any role or role-assignable group; a unit-scoped assignment only
 *       on users without any role or role-assignable group: else {@code TARGET_PROTECTED}. A
 *       role-assignable group member is a user listed as such, or a member of a group that holds
 *       any assignment.
 *   <li>A guest (user type Guest) is never changed, only viewed: a change that passed every step
 *       above is denied with {@code GUEST_ACCOUNT}.
 *   <li>The permit names the first assignment of the actor that passes every step.
 * </ol>
 *
 * Unit membership is the tenant's explicit membership; dynamic units have no members here.
 */
public final class ReferenceAuthorizationModel {
  private static final String NO_ADMIN_ROLE = "User (no admin role)";
  private static final String ROLE_ASSIGNABLE_GROUP =
      "User (no admin role, but member or owner of a role-assignable group)";
  private static final String RESTRICTED_UNIT_ROLE =
      "User with a role scoped to a restricted management administrative unit";
  private static final String ALL_OTHER_ROLES = "All other built-in and custom roles";

  /** The documents' short names of the roles in their tables, by built-in display name. */
  private static final Map<String, String> SHORT_NAMES =
      Map.ofEntries(
          entry("Authentication Administrator", "Auth Admin"),
          entry("Directory Readers", "Directory Readers"),
          entry("Global Administrator", "Global Admin"),
          entry("Groups Administrator", "Groups Admin"),
          entry("Guest Inviter", "Guest Inviter"),
          entry("Helpdesk Administrator", "Helpdesk Admin"),
          entry("Message Center Reader", "Message Center Reader"),
          entry("Password Administrator", "Password Admin"),
          entry("Privileged Authentication Administrator", "Privileged Auth Admin"),
          entry("Privileged Role Administrator", "Privileged Role Admin"),
          entry("Reports Reader", "Reports Reader"),
          entry("User Administrator", "User Admin"),
          entry("User Experience Success Manager", "User Experience Success Manager"),
          entry("Usage Summary Reports Reader", "Usage Summary Reports Reader"));

  /** "Who can reset passwords": row (what the target is) → the columns (actor roles) ticked. */
  private static final Map<String, Set<String>> WHO_CAN_RESET_PASSWORDS =
      Map.ofEntries(
          entry("Auth Admin", Set.of("Auth Admin", "Privileged Auth Admin", "Global Admin")),
          entry(
              "Directory Readers",
              Set.of(
                  "Password Admin",
                  "Helpdesk Admin",
                  "Auth Admin",
                  "User Admin",
                  "Privileged Auth Admin",
                  "Global Admin")),
          entry("Global Admin", Set.of("Privileged Auth Admin", "Global Admin")),
          entry("Groups Admin", Set.of("User Admin", "Privileged Auth Admin", "Global Admin")),
          entry(
              "Guest Inviter",
              Set.of(
                  "Password Admin",
                  "Helpdesk Admin",
                  "Auth Admin",
                  "User Admin",
                  "Privileged Auth Admin",
                  "Global Admin")),
          entry(
              "Helpdesk Admin",
              Set.of("Helpdesk Admin", "User Admin", "Privileged Auth Admin", "Global Admin")),
          entry(
              "Message Center Reader",
              Set.of(
                  "Helpdesk Admin",
                  "Auth Admin",
                  "User Admin",
                  "Privileged Auth Admin",
                  "Global Admin")),
          entry(
              "Password Admin",
              Set.of(
                  "Password Admin",
                  "Helpdesk Admin",
                  "Auth Admin",
                  "User Admin",
                  "Privileged Auth Admin",
                  "Global Admin")),
          entry("Privileged Auth Admin", Set.of("Privileged Auth Admin", "Global Admin")),
          entry("Privileged Role Admin", Set.of("Privileged Auth Admin", "Global Admin")),
          entry(
              "Reports Reader",
              Set.of(
                  "Helpdesk Admin",
                  "Auth Admin",
                  "User Admin",
                  "Privileged Auth Admin",
                  "Global Admin")),
          entry(
              NO_ADMIN_ROLE,
              Set.of(
                  "Password Admin",
                  "Helpdesk Admin",
                  "Auth Admin",
                  "User Admin",
                  "Privileged Auth Admin",
                  "Global Admin")),
          entry(ROLE_ASSIGNABLE_GROUP, Set.of("Privileged Auth Admin", "Global Admin")),
          entry(RESTRICTED_UNIT_ROLE, Set.of("Privileged Auth Admin", "Global Admin")),
          entry("User Admin", Set.of("User Admin", "Privileged Auth Admin", "Global Admin")),
          entry(
              "User Experience Success Manager",
              Set.of(
                  "Helpdesk Admin",
                  "Auth Admin",
                  "User Admin",
                  "Privileged Auth Admin",
                  "Global Admin")),
          entry(
              "Usage Summary Reports Reader",
              Set.of(
                  "Helpdesk Admin",
                  "Auth Admin",
                  "User Admin",
                  "Privileged Auth Admin",
                  "Global Admin")),
          entry(ALL_OTHER_ROLES, Set.of("Privileged Auth Admin", "Global Admin")));

  /**
   * "Who can perform sensitive actions", keeping only the columns of roles that may manage
   * authentication methods (User Admin may not: "Compare authentication roles").
   */
  private static final Map<String, Set<String>> WHO_CAN_MANAGE_PHONES =
      Map.ofEntries(
          entry("Auth Admin", Set.of("Auth Admin", "Privileged Auth Admin", "Global Admin")),
          entry("Directory Readers", Set.of("Auth Admin", "Privileged Auth Admin", "Global Admin")),
          entry("Global Admin", Set.of("Privileged Auth Admin", "Global Admin")),
          entry("Groups Admin", Set.of("Privileged Auth Admin", "Global Admin")),
          entry("Guest Inviter", Set.of("Auth Admin", "Privileged Auth Admin", "Global Admin")),
          entry("Helpdesk Admin", Set.of("Privileged Auth Admin", "Global Admin")),
          entry(
              "Message Center Reader",
              Set.of("Auth Admin", "Privileged Auth Admin", "Global Admin")),
          entry("Password Admin", Set.of("Auth Admin", "Privileged Auth Admin", "Global Admin")),
          entry("Privileged Auth Admin", Set.of("Privileged Auth Admin", "Global Admin")),
          entry("Privileged Role Admin", Set.of("Privileged Auth Admin", "Global Admin")),
          entry("Reports Reader", Set.of("Auth Admin", "Privileged Auth Admin", "Global Admin")),
          entry(NO_ADMIN_ROLE, Set.of("Auth Admin", "Privileged Auth Admin", "Global Admin")),
          entry(ROLE_ASSIGNABLE_GROUP, Set.of("Privileged Auth Admin", "Global Admin")),
          entry(RESTRICTED_UNIT_ROLE, Set.of("Privileged Auth Admin", "Global Admin")),
          entry("User Admin", Set.of("Privileged Auth Admin", "Global Admin")),
          entry(
              "User Experience Success Manager",
              Set.of("Auth Admin", "Privileged Auth Admin", "Global Admin")),
          entry(
              "Usage Summary Reports Reader",
              Set.of("Auth Admin", "Privileged Auth Admin", "Global Admin")),
          entry(ALL_OTHER_ROLES, Set.of("Privileged Auth Admin", "Global Admin")));

  /**
   * "Roles that can be assigned with administrative unit scope": the built-in roles Entra accepts
   * at an administrative unit, by display name. Any other built-in role is refused there.
   */
  private static final Set<String> UNIT_ASSIGNABLE_BUILT_INS =
      Set.of(
          "Authentication Administrator",
          "Attribute Assignment Administrator",
          "Attribute Assignment Reader",
          "Cloud Device Administrator",
          "Groups Administrator",
          "Helpdesk Administrator",
          "License Administrator",
          "Password Administrator",
          "Printer Administrator",
          "Privileged Authentication Administrator",
          "SharePoint Administrator",
          "Teams Administrator",
          "Teams Devices Administrator",
          "User Administrator");

  /** The column headers of each table: the built-in roles that may perform the action at all. */
  private static final Map<StaffAction, Set<String>> COLUMNS =
      Map.of(
          StaffAction.RESET_PASSWORD,
              Set.of(
                  "Password Admin",
                  "Helpdesk Admin",
                  "Auth Admin",
                  "User Admin",
                  "Privileged Auth Admin",
                  "Global Admin"),
          StaffAction.MANAGE_PHONES, Set.of("Auth Admin", "Privileged Auth Admin", "Global Admin"),
          // "Microsoft Entra built-in roles": the holders of invalidateAllRefreshTokens.
          StaffAction.REVOKE_SESSIONS,
              Set.of(
                  "Helpdesk Admin",
                  "Auth Admin",
                  "User Admin",
                  "Privileged Auth Admin",
                  "Global Admin"),
          // mystaff's own action, granted like a password reset (docs/architecture.md).
          StaffAction.UNLOCK_ACCOUNT,
              Set.of(
                  "Password Admin",
                  "Helpdesk Admin",
                  "Auth Admin",
                  "User Admin",
                  "Privileged Auth Admin",
                  "Global Admin"));

  /** Creates the model; it holds no state. */
  public ReferenceAuthorizationModel() {}

  /**
   * What the rules say about {@code actor} doing {@code action} to {@code target} at {@code now}.
   *
   * @throws UnknownUserException if either user is not in the tenant
   */
  public Decision decide(
      Tenant tenant, UserId actor, StaffAction action, UserId target, Instant now) {
    return decide(tenant, actor, action, target, now, Set.of());
  }

  /**
   * The decision when the rules of the dynamic units {@code undecidedUnits} could not be decided
   * for the target (see {@code Directory.undecidedUnitsOf}).
   *
   * @throws UnknownUserException if either user is not in the tenant
   */
  public Decision decide(
      Tenant tenant,
      UserId actor,
      StaffAction action,
      UserId target,
      Instant now,
      Set<UnitId> undecidedUnits) {
    requireUser(tenant, actor);
    requireUser(tenant, target);

    if (action.isChange() && actor.equals(target)) {
      return new Decision.Deny(action, DenyReason.SELF_ACTION);
    }

    RoleCatalog roles = tenant.roleCatalog();
    List<RoleAssignment> active = new ArrayList<>();
    for (RoleAssignment a : heldBy(tenant, actor)) {
      if (a.kind() == AssignmentKind.ACTIVE && startedBy(a, now) && !endedBy(a, now)) {
        active.add(a);
      }
    }
    if (active.isEmpty()) {
      return new Decision.Deny(action, DenyReason.NO_ACTIVE_ROLE);
    }

    List<RoleAssignment> counting = new ArrayList<>();
    for (RoleAssignment a : active) {
      if (a.scope() instanceof Scope.Tenant || allowedAtUnitScope(roles, a)) {
        counting.add(a);
      }
    }
    if (counting.isEmpty()) {
      return new Decision.Deny(action, DenyReason.ROLE_NOT_ASSIGNABLE_AT_UNIT_SCOPE);
    }

    if (action == StaffAction.VIEW_PROFILE) {
      return new Decision.Permit(action, counting.get(0));
    }

    List<RoleAssignment> granting = new ArrayList<>();
    for (RoleAssignment a : counting) {
      if (roleCan(roles, a, action)) {
        granting.add(a);
      }
    }
    if (granting.isEmpty()) {
      return new Decision.Deny(action, DenyReason.ROLE_LACKS_PERMISSION);
    }

    List<UnitId> targetUnits = unitsOf(tenant, target);
    List<UnitId> targetRestrictedUnits = new ArrayList<>();
    for (UnitId u : targetUnits) {
      if (isRestricted(tenant, u)) {
        targetRestrictedUnits.add(u);
      }
    }

    boolean perhapsInRestrictedUnit = false;
    for (UnitId u : undecidedUnits) {
      if (isRestricted(tenant, u)) {
        perhapsInRestrictedUnit = true;
      }
    }

    List<RoleAssignment> reaching = new ArrayList<>();
    if (!targetRestrictedUnits.isEmpty() || perhapsInRestrictedUnit) {
      for (RoleAssignment a : granting) {
        if (a.scope() instanceof Scope.Unit u && targetRestrictedUnits.contains(u.unit())) {
          reaching.add(a);
        }
      }
      if (reaching.isEmpty()) {
        return new Decision.Deny(action, DenyReason.RESTRICTED_MANAGEMENT_UNIT);
      }
    } else {
      for (RoleAssignment a : granting) {
        if (a.scope() instanceof Scope.Tenant
            || (a.scope() instanceof Scope.Unit u && targetUnits.contains(u.unit()))) {
          reaching.add(a);
        }
      }
      if (reaching.isEmpty()) {
        return new Decision.Deny(action, DenyReason.TARGET_OUT_OF_SCOPE);
      }
    }

    for (RoleAssignment a : reaching) {
      if (mayTouch(tenant, roles, a, action, target, now)) {
        boolean guest = tenant.user(target).orElseThrow().userType() == UserType.GUEST;
        return guest
            ? new Decision.Deny(action, DenyReason.GUEST_ACCOUNT)
            : new Decision.Permit(action, a);
      }
    }
    return new Decision.Deny(action, DenyReason.TARGET_PROTECTED);
  }

  /**
   * The actions {@link #decide} permits.
   *
   * @throws UnknownUserException if either user is not in the tenant
   */
  public Set<StaffAction> allowedActions(Tenant tenant, UserId actor, UserId target, Instant now) {
    Set<StaffAction> allowed = EnumSet.noneOf(StaffAction.class);
    for (StaffAction action : StaffAction.values()) {
      if (decide(tenant, actor, action, target, now).isPermit()) {
        allowed.add(action);
      }
    }
    return Set.copyOf(allowed);
  }

  /**
   * The assignments given to the user and to the groups the user is a member of, in tenant order.
   */
  private static List<RoleAssignment> heldBy(Tenant tenant, UserId user) {
    Set<GroupId> groups = tenant.user(user).orElseThrow().groups();
    List<RoleAssignment> held = new ArrayList<>();
    for (RoleAssignment a : tenant.assignments()) {
      if (a.principal() instanceof UserId u && u.equals(user)) {
        held.add(a);
      } else if (a.principal() instanceof GroupId g && groups.contains(g)) {
        held.add(a);
      }
    }
    return held;
  }

  /** A user listed as a role-assignable group member, or in a group that holds any assignment. */
  private static boolean inRoleAssignableGroup(Tenant tenant, UserId user) {
    if (tenant.roleAssignableGroupMembers().contains(user)) {
      return true;
    }
    Set<GroupId> groups = tenant.user(user).orElseThrow().groups();
    for (RoleAssignment a : tenant.assignments()) {
      if (a.principal() instanceof GroupId g && groups.contains(g)) {
        return true;
      }
    }
    return false;
  }

  private static boolean startedBy(RoleAssignment a, Instant now) {
    return a.start().isEmpty() || a.start().get().compareTo(now) <= 0;
  }

  private static boolean endedBy(RoleAssignment a, Instant now) {
    return a.end().isPresent() && a.end().get().compareTo(now) <= 0;
  }

  /** Whether Entra accepts the assignment's role at an administrative unit. */
  private static boolean allowedAtUnitScope(RoleCatalog roles, RoleAssignment a) {
    Optional<RoleDefinition> role = roles.find(a.role());
    if (role.isEmpty()) {
      return false;
    }
    if (role.get().isBuiltIn()) {
      return UNIT_ASSIGNABLE_BUILT_INS.contains(role.get().displayName());
    }
    for (String permission : role.get().allowedResourceActions()) {
      if (permission.startsWith("microsoft.directory/users/")
          || permission.startsWith("microsoft.directory/groups/")
          || permission.startsWith("microsoft.directory/devices/")) {
        return true;
      }
    }
    return false;
  }

  /** Whether the assignment's role includes the action at all. */
  private static boolean roleCan(RoleCatalog roles, RoleAssignment a, StaffAction action) {
    Optional<RoleDefinition> role = roles.find(a.role());
    if (role.isEmpty()) {
      return false;
    }
    if (role.get().isBuiltIn()) {
      String name = SHORT_NAMES.get(role.get().displayName());
      return name != null && requireNonNull(COLUMNS.get(action), "column").contains(name);
    }
    return role.get().allowedResourceActions().contains(action.resourceAction());
  }

  /** Step 8: whether the protection rules let this assignment change the target. */
  private static boolean mayTouch(
      Tenant tenant,
      RoleCatalog roles,
      RoleAssignment a,
      StaffAction action,
      UserId target,
      Instant now) {
    List<RoleAssignment> targetRoles = new ArrayList<>();
    for (RoleAssignment t : heldBy(tenant, target)) {
      if (!endedBy(t, now)) {
        targetRoles.add(t);
      }
    }
    boolean inRoleAssignableGroup = inRoleAssignableGroup(tenant, target);

    if (a.scope() instanceof Scope.Unit && (!targetRoles.isEmpty() || inRoleAssignableGroup)) {
      return false;
    }
    Optional<RoleDefinition> actorRole = roles.find(a.role());
    if (actorRole.isEmpty() || !actorRole.get().isBuiltIn()) {
      return targetRoles.isEmpty() && !inRoleAssignableGroup;
    }
    String column = SHORT_NAMES.get(actorRole.get().displayName());

    List<String> rows = new ArrayList<>();
    if (targetRoles.isEmpty()) {
      rows.add(NO_ADMIN_ROLE);
    }
    if (inRoleAssignableGroup) {
      rows.add(ROLE_ASSIGNABLE_GROUP);
    }
    for (RoleAssignment t : targetRoles) {
      rows.add(rowOf(roles, t));
      if (t.scope() instanceof Scope.Unit u && isRestricted(tenant, u.unit())) {
        rows.add(RESTRICTED_UNIT_ROLE);
      }
    }
    // Revoking sessions and unlocking follow the password reset table: the Helpdesk Administrator's
    // description ties its reset and refresh-token rights to the same target roles.
    Map<String, Set<String>> table =
        action == StaffAction.MANAGE_PHONES ? WHO_CAN_MANAGE_PHONES : WHO_CAN_RESET_PASSWORDS;
    for (String row : rows) {
      if (!requireNonNull(table.get(row), "row").contains(column)) {
        return false;
      }
    }
    return true;
  }

  /** The table row of a user holding this assignment's role. */
  private static String rowOf(RoleCatalog roles, RoleAssignment t) {
    Optional<RoleDefinition> role = roles.find(t.role());
    if (role.isPresent() && role.get().isBuiltIn()) {
      String name = SHORT_NAMES.get(role.get().displayName());
      if (name != null) {
        return name;
      }
    }
    return ALL_OTHER_ROLES;
  }

  private static List<UnitId> unitsOf(Tenant tenant, UserId user) {
    List<UnitId> units = new ArrayList<>();
    for (AdministrativeUnit u : tenant.units()) {
      if (tenant.assignedMembersOf(u.id()).contains(user)) {
        units.add(u.id());
      }
    }
    return units;
  }

  private static boolean isRestricted(Tenant tenant, UnitId unit) {
    for (AdministrativeUnit u : tenant.units()) {
      if (u.id().equals(unit)) {
        return u.restrictedManagement();
      }
    }
    return false;
  }

  private static void requireUser(Tenant tenant, UserId user) {
    if (tenant.user(user).isEmpty()) {
      throw new UnknownUserException(user);
    }
  }
}
