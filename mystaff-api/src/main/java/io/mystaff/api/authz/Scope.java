package io.mystaff.api.authz;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.InvalidInputException;
import io.mystaff.api.UnitId;
import java.util.Set;

/**
 * Where a role assignment applies: the whole tenant ({@code directoryScopeId} {@code /}) or one
 * administrative unit ({@code /administrativeUnits/{id}}).
 *
 * @since 0.1.0
 */
public sealed interface Scope permits Scope.Tenant, Scope.Unit {

  /** {@return the tenant-wide scope} */
  static Scope tenant() {
    return Tenant.INSTANCE;
  }

  /**
   * The scope of one administrative unit.
   *
   * @param unit the unit
   * @return a scope that covers exactly the unit's members
   */
  static Scope unit(UnitId unit) {
    return new Unit(unit);
  }

  /**
   * Parses a Microsoft Graph {@code directoryScopeId}.
   *
   * @param directoryScopeId the Graph {@code directoryScopeId}
   * @return the scope it names
   * @throws InvalidInputException if it is neither {@code /} nor {@code /administrativeUnits/{id}}
   */
  static Scope parse(String directoryScopeId) {
    if ("/".equals(directoryScopeId)) {
      return tenant();
    }
    String prefix = "/administrativeUnits/";
    if (directoryScopeId != null && directoryScopeId.startsWith(prefix)) {
      return unit(UnitId.of(directoryScopeId.substring(prefix.length())));
    }
    throw InvalidInputException.of("directory scope id", "must be / or /administrativeUnits/{id}");
  }

  /**
   * Whether this scope reaches a user.
   *
   * @param targetUnits the units the user is a member of
   * @return true if a user who is a member of {@code targetUnits} lies inside this scope
   */
  boolean covers(Set<UnitId> targetUnits);

  /** {@return the Microsoft Graph form of this scope} */
  String directoryScopeId();

  /** The whole organization. */
  enum Tenant implements Scope {
    /** The one tenant-wide scope. */
    INSTANCE;

    @Override
    public boolean covers(Set<UnitId> targetUnits) {
      return true;
    }

    @Override
    public String directoryScopeId() {
      return "/";
    }

    @Override
    public String toString() {
      return "/";
    }
  }

  /** One administrative unit: covers exactly its members. */
  record Unit(UnitId unit) implements Scope {
    /**
     * Rejects a missing unit.
     *
     * @param unit the unit
     */
    public Unit {
      requireNonNull(unit, "unit");
    }

    /** {@return the unit's hash} Written out, as {@link RoleAssignment}'s. */
    @Override
    public int hashCode() {
      return unit.hashCode();
    }

    /** {@return true if {@code o} is the scope of an equal unit} */
    @Override
    public boolean equals(Object o) {
      return o instanceof Unit u && unit.equals(u.unit);
    }

    @Override
    public boolean covers(Set<UnitId> targetUnits) {
      return targetUnits.contains(unit);
    }

    @Override
    public String directoryScopeId() {
      return "/administrativeUnits/" + unit.value();
    }

    @Override
    public String toString() {
      return directoryScopeId();
    }
  }
}
