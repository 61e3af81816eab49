package io.mystaff.testkit.random;

import io.mystaff.api.AssignmentId;
import io.mystaff.api.GroupId;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.Principal;
import io.mystaff.api.RoleId;
import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import io.mystaff.api.authz.AssignmentKind;
import io.mystaff.api.authz.BuiltInRole;
import io.mystaff.api.authz.RoleAssignment;
import io.mystaff.api.authz.RoleDefinition;
import io.mystaff.api.authz.Scope;
import io.mystaff.api.authz.StaffAction;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.api.directory.User;
import io.mystaff.api.directory.UserSource;
import io.mystaff.api.directory.UserType;
import io.mystaff.testkit.fixtures.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * Generates small random tenants, and questions about them, from a seeded {@link Random}: cloud and
 * synced users, assigned units (some with restricted management), explicit memberships, groups the
 * users are members of, custom roles with random permissions, built-in and custom role assignments
 * to users and to groups at tenant and unit scope (some bounded in time, some eligible),
 * role-assignable group members, and guests (about a quarter of the users, drawn after everything
 * else). Dynamic units are not generated.
 *
 * <p>Every tenant is one a provider accepts: roles that may not be assigned at unit scope are
 * assigned at tenant scope only. {@link #includingUnassignableUnitScopes()} adds what a provider
 * must never return but the engine must survive: a custom role without user, group or device
 * permissions scoped to a unit.
 *
 * <p>Everything drawn depends only on the {@link Random} passed in, so a seed reproduces a tenant
 * exactly. Time windows start and end on whole days after {@link #EPOCH}, and {@link #instant}
 * often lands exactly on (or a nanosecond beside) such a boundary. Immutable and thread-safe.
 */
public final class RandomTenants implements Function<Random, Tenant> {
  /** The instant time windows and query instants are laid around. */
  public static final Instant EPOCH = Instant.parse("2025-01-01T00:00:00Z");

  /** Windows start within this many days after {@link #EPOCH}. */
  static final int HORIZON_DAYS = 12;

  private static final String[] EXTRA_ACTIONS = {
    "microsoft.directory/users/basic/update", "microsoft.directory/groups/members/update"
  };
  private static final BuiltInRole[] BUILT_INS = BuiltInRole.values();
  private static final StaffAction[] ACTIONS = StaffAction.values();

  /** The id of the custom role {@link #includingUnassignableUnitScopes()} scopes to units. */
  static final RoleId UNASSIGNABLE_AT_UNIT = RoleId.of("custom-apps");

  private final int maxUsers;
  private final int maxUnits;
  private final int maxAssignments;
  private final boolean unassignableUnitScopes;

  private RandomTenants(
      int maxUsers, int maxUnits, int maxAssignments, boolean unassignableUnitScopes) {
    if (maxUsers < 2 || maxUnits < 0 || maxAssignments < 0) {
      throw InvalidInputException.of(
          "random tenant sizes", "need at least 2 users and no negative size");
    }
    this.maxUsers = maxUsers;
    this.maxUnits = maxUnits;
    this.maxAssignments = maxAssignments;
    this.unassignableUnitScopes = unassignableUnitScopes;
  }

  /** Up to 8 users, 4 units and 14 assignments: small enough that rules collide often. */
  public static RandomTenants small() {
    return new RandomTenants(8, 4, 14, false);
  }

  /**
   * Tenants of at most these sizes (users drawn from 2 up, the rest from 0 up).
   *
   * @throws InvalidInputException if {@code maxUsers < 2} or a size is negative
   */
  public static RandomTenants of(int maxUsers, int maxUnits, int maxAssignments) {
    return new RandomTenants(maxUsers, maxUnits, maxAssignments, false);
  }

  /**
   * These tenants, plus in each a custom role ({@code custom-apps}) with no user, group or device
   * permission that is often assigned at unit scope, as a provider might still report after the
   * role was redefined. Providers refuse to store such tenants; the engine must grant nothing from
   * those assignments.
   */
  public RandomTenants includingUnassignableUnitScopes() {
    return new RandomTenants(maxUsers, maxUnits, maxAssignments, true);
  }

  /** A random tenant. */
  @Override
  public Tenant apply(Random r) {
    Tenant.Builder b = Tenant.builder();
    int userCount = 2 + r.nextInt(maxUsers - 1);
    List<GroupId> groups = new ArrayList<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      groups.add(GroupId.of("group" + groups.size()));
    }
    List<UserId> users = new ArrayList<>();
    List<User> built = new ArrayList<>();
    for (int i = 0; i < userCount; i++) {
      UserId id = UserId.of("user" + i);
      users.add(id);
      User.Builder u =
          User.builder()
              .id(id)
              .userPrincipalName("user" + i + "@contoso.example")
              .displayName("User " + i);
      if (r.nextInt(10) < 4) {
        u.source(UserSource.SYNCED_FROM_ON_PREMISES).onPremisesSamAccountName("user" + i);
      }
      for (GroupId g : groups) {
        if (r.nextInt(10) < 3) {
          u.group(g);
        }
      }
      built.add(u.build());
      b.user(built.get(i));
    }
    int unitCount = r.nextInt(maxUnits + 1);
    List<UnitId> units = new ArrayList<>();
    for (int i = 0; i < unitCount; i++) {
      UnitId id = UnitId.of("unit" + i);
      units.add(id);
      b.unit(
          AdministrativeUnit.assigned(id, "Unit " + i).withRestrictedManagement(r.nextInt(10) < 3));
      for (UserId user : users) {
        if (r.nextInt(10) < 4) {
          b.member(id, user);
        }
      }
    }
    List<RoleDefinition> customRoles = new ArrayList<>();
    int customCount = r.nextInt(4);
    for (int i = 0; i < customCount; i++) {
      RoleId id = RoleId.of("custom" + i);
      Set<String> actions = new HashSet<>();
      for (StaffAction a : ACTIONS) {
        if (r.nextBoolean()) {
          actions.add(a.resourceAction());
        }
      }
      if (r.nextBoolean()) {
        actions.add(EXTRA_ACTIONS[r.nextInt(EXTRA_ACTIONS.length)]);
      }
      customRoles.add(RoleDefinition.custom(id, "Custom role " + i, actions));
    }
    if (unassignableUnitScopes) {
      customRoles.add(
          RoleDefinition.custom(
              UNASSIGNABLE_AT_UNIT,
              "App registrations",
              Set.of("microsoft.directory/applications/create")));
    }
    customRoles.forEach(b::customRole);
    int assignmentCount = r.nextInt(maxAssignments + 1);
    for (int i = 0; i < assignmentCount; i++) {
      Principal principal =
          !groups.isEmpty() && r.nextInt(4) == 0
              ? groups.get(r.nextInt(groups.size()))
              : users.get(r.nextInt(users.size()));
      b.assignment(assignment(r, "a" + i, principal, units, customRoles, unassignableUnitScopes));
    }
    for (UserId user : users) {
      if (r.nextInt(100) < 15) {
        b.roleAssignableGroupMember(user);
      }
    }
    // Drawn last, so that the tenants of earlier seeds keep every other part.
    for (User user : built) {
      if (r.nextInt(100) < 25) {
        b.user(user.toBuilder().userType(UserType.GUEST).build());
      }
    }
    return b.build();
  }

  /**
   * A random assignment for {@code principal} in {@code tenant}, for laws about adding one: a role
   * of the tenant, a scope among its units or the tenant, perhaps bounded in time.
   */
  public RoleAssignment assignment(Random r, Tenant tenant, String id, UserId principal) {
    List<UnitId> units = new ArrayList<>();
    tenant.units().forEach(u -> units.add(u.id()));
    return assignment(r, id, principal, units, tenant.customRoles(), false);
  }

  /**
   * A random question about {@code tenant}: mostly an actor who holds some assignment acting on
   * another user, one time in twenty on themself, any action, at {@link #instant}.
   */
  public AuthorizationQuery query(Random r, Tenant tenant) {
    List<User> users = tenant.users();
    UserId actor;
    Principal holder =
        !tenant.assignments().isEmpty() && r.nextInt(10) < 8
            ? tenant.assignments().get(r.nextInt(tenant.assignments().size())).principal()
            : users.get(r.nextInt(users.size())).id();
    if (holder instanceof GroupId group && !tenant.membersOf(group).isEmpty()) {
      List<UserId> members = tenant.membersOf(group);
      actor = members.get(r.nextInt(members.size()));
    } else if (holder instanceof UserId user) {
      actor = user;
    } else {
      actor = users.get(r.nextInt(users.size())).id();
    }
    UserId target = actor;
    if (r.nextInt(20) != 0) {
      UserId other = users.get(r.nextInt(users.size() - 1)).id();
      target = other.equals(actor) ? users.get(users.size() - 1).id() : other;
    }
    return new AuthorizationQuery(actor, ACTIONS[r.nextInt(ACTIONS.length)], target, instant(r));
  }

  /** {@code count} random questions about {@code tenant}. */
  public List<AuthorizationQuery> queries(Random r, Tenant tenant, int count) {
    List<AuthorizationQuery> queries = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      queries.add(query(r, tenant));
    }
    return queries;
  }

  /**
   * A random instant around the generated windows: a whole day from a little before {@link #EPOCH}
   * to a little after the last possible window end, often shifted by a nanosecond either way.
   */
  public static Instant instant(Random r) {
    Instant day = EPOCH.plus(Duration.ofDays(r.nextInt(2 * HORIZON_DAYS + 4) - 2));
    return switch (r.nextInt(4)) {
      case 0 -> day.minusNanos(1);
      case 1 -> day.plusNanos(1);
      default -> day;
    };
  }

  /**
   * A random assignment; its scope is a unit only where the role may be assigned there, except that
   * with {@code unassignable} the role {@link #UNASSIGNABLE_AT_UNIT} is often scoped to one.
   */
  private RoleAssignment assignment(
      Random r,
      String id,
      Principal principal,
      List<UnitId> units,
      List<RoleDefinition> customRoles,
      boolean unassignable) {
    RoleDefinition role;
    if (unassignable && !units.isEmpty() && r.nextInt(8) == 0) {
      return new RoleAssignment(
          AssignmentId.of(id),
          principal,
          UNASSIGNABLE_AT_UNIT,
          Scope.unit(units.get(r.nextInt(units.size()))),
          Optional.empty(),
          Optional.empty());
    }
    if (!customRoles.isEmpty() && r.nextInt(10) < 3) {
      role = customRoles.get(r.nextInt(customRoles.size()));
    } else {
      role = RoleDefinition.of(BUILT_INS[r.nextInt(BUILT_INS.length)]);
    }
    Scope scope =
        units.isEmpty() || r.nextInt(10) < 4 || !role.isAssignableAtUnitScope()
            ? Scope.tenant()
            : Scope.unit(units.get(r.nextInt(units.size())));
    Optional<Instant> start = Optional.empty();
    Optional<Instant> end = Optional.empty();
    int timing = r.nextInt(10);
    if (timing >= 6) {
      Instant s = EPOCH.plus(Duration.ofDays(r.nextInt(HORIZON_DAYS)));
      Instant e = s.plus(Duration.ofDays(1 + r.nextInt(HORIZON_DAYS)));
      start = timing == 9 ? Optional.empty() : Optional.of(s);
      end = timing == 8 ? Optional.empty() : Optional.of(e);
    }
    AssignmentKind kind = r.nextInt(10) == 0 ? AssignmentKind.ELIGIBLE : AssignmentKind.ACTIVE;
    return new RoleAssignment(AssignmentId.of(id), principal, role.id(), scope, start, end, kind);
  }

  @Override
  public String toString() {
    return "RandomTenants.of("
        + maxUsers
        + ", "
        + maxUnits
        + ", "
        + maxAssignments
        + ")"
        + (unassignableUnitScopes ? ".includingUnassignableUnitScopes()" : "");
  }
}
