package io.mystaff.core;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import io.mystaff.api.authz.ActorFacts;
import io.mystaff.api.authz.RoleAssignment;
import io.mystaff.api.authz.Scope;
import io.mystaff.api.authz.TargetFacts;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.api.directory.User;
import io.mystaff.spi.Directory;
import io.mystaff.spi.DirectoryOrder;
import io.mystaff.spi.UserFacts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the facts the authorization engine decides on from the directory, for one request: the
 * units looked up along the way are remembered until the request ends. Not thread-safe; one
 * instance per request.
 */
final class DirectoryFacts {
  private static final Comparator<AdministrativeUnit> BY_NAME = DirectoryOrder.UNITS;

  private final Directory directory;
  private final Map<UnitId, Optional<AdministrativeUnit>> units = new HashMap<>();

  private DirectoryFacts(Directory directory) {
    this.directory = requireNonNull(directory, "directory");
  }

  static DirectoryFacts reading(Directory directory) {
    return new DirectoryFacts(directory);
  }

  /**
   * The signed-in manager's role assignments, active or not, read now. A manager whose account has
   * since been disabled or deleted holds none: a session outlives neither, so every change and
   * profile view is then denied ({@code NO_ACTIVE_ROLE}, audited) and listings grant nothing.
   */
  ActorFacts manager(UserId user) {
    boolean enabled = directory.findUser(user).map(User::accountEnabled).orElse(false);
    return new ActorFacts(user, enabled ? directory.assignmentsOf(user) : List.of());
  }

  /**
   * The user's units, the restricted-management units among them and among the scopes of the user's
   * own assignments, the user's assignments, role-assignable group membership, and the restricted
   * units whose dynamic rule could not be decided for the user (which keep protecting the user but
   * grant no scope). Read with one {@link Directory#userFactsOf} (one round trip for providers that
   * answer it at once), or the four single reads if the provider left the user out of its answer.
   */
  TargetFacts target(UserId user) {
    UserFacts read = directory.userFactsOf(List.of(user)).get(user);
    if (read != null) {
      lookUpUnitsOf(List.of(read));
    }
    return target(
        user,
        read != null
            ? read
            : new UserFacts(
                directory.unitsOf(user),
                directory.undecidedUnitsOf(user),
                directory.assignmentsOf(user),
                directory.isRoleAssignableGroupMember(user)));
  }

  /**
   * {@link #target(User)} of every user of a page, read with one {@link Directory#userFactsOf} and
   * at most one {@link Directory#findUnits} for the units not looked up yet, whatever the page's
   * size. A user the provider left out of its answer is read with the single reads.
   */
  Map<UserId, TargetFacts> targets(List<User> users) {
    Set<UserId> ids = new LinkedHashSet<>();
    for (User u : users) {
      ids.add(u.id());
    }
    if (ids.isEmpty()) {
      return Map.of();
    }
    Map<UserId, UserFacts> read = directory.userFactsOf(ids);
    lookUpUnitsOf(read.values());
    Map<UserId, TargetFacts> facts = new HashMap<>();
    for (User u : users) {
      UserFacts f = read.get(u.id());
      TargetFacts t = f == null ? target(u.id()) : target(u.id(), f);
      facts.put(u.id(), u.isGuest() ? t.asGuest() : t);
    }
    return facts;
  }

  /**
   * Looks up, with one {@link Directory#findUnits}, the units these facts name (memberships,
   * undecided memberships, unit scopes) that are not looked up yet: a target in two units costs one
   * read of units, not two.
   */
  private void lookUpUnitsOf(Collection<UserFacts> read) {
    Set<UnitId> unknown = new LinkedHashSet<>();
    for (UserFacts f : read) {
      f.units().forEach(unknown::add);
      f.undecidedUnits().forEach(unknown::add);
      for (RoleAssignment a : f.assignments()) {
        if (a.scope() instanceof Scope.Unit scope) {
          unknown.add(scope.unit());
        }
      }
    }
    unknown.removeAll(units.keySet());
    if (!unknown.isEmpty()) {
      Map<UnitId, AdministrativeUnit> found = directory.findUnits(unknown);
      for (UnitId id : unknown) {
        AdministrativeUnit unit = found.get(id);
        units.put(id, unit != null && unit.id().equals(id) ? Optional.of(unit) : Optional.empty());
      }
    }
  }

  private TargetFacts target(UserId user, UserFacts read) {
    Set<UnitId> restricted = new HashSet<>();
    for (UnitId u : read.units()) {
      if (isRestricted(u)) {
        restricted.add(u);
      }
    }
    for (RoleAssignment a : read.assignments()) {
      if (a.scope() instanceof Scope.Unit scope && isRestricted(scope.unit())) {
        restricted.add(scope.unit());
      }
    }
    Set<UnitId> undecidedRestricted = new HashSet<>();
    for (UnitId u : read.undecidedUnits()) {
      if (isRestricted(u)) {
        undecidedRestricted.add(u);
      }
    }
    return new TargetFacts(
        user,
        read.units(),
        restricted,
        read.assignments(),
        read.roleAssignableGroupMember(),
        undecidedRestricted);
  }

  /** {@link #target(UserId)} of {@code user}, knowing from the user whether they are a guest. */
  TargetFacts target(User user) {
    TargetFacts facts = target(user.id());
    return user.isGuest() ? facts.asGuest() : facts;
  }

  /**
   * The units that exist among {@code ids}, ordered by display name (case-insensitive), then id.
   */
  List<AdministrativeUnit> units(Set<UnitId> ids) {
    List<AdministrativeUnit> found = new ArrayList<>(ids.size());
    for (UnitId id : ids) {
      unit(id).ifPresent(found::add);
    }
    found.sort(BY_NAME);
    return found;
  }

  private Optional<AdministrativeUnit> unit(UnitId id) {
    return units.computeIfAbsent(id, directory::findUnit);
  }

  private boolean isRestricted(UnitId id) {
    return unit(id).map(AdministrativeUnit::restrictedManagement).orElse(false);
  }
}
