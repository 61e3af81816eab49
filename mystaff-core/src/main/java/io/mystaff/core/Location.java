package io.mystaff.core;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.authz.Scope;
import io.mystaff.api.directory.AdministrativeUnit;

/**
 * A place whose staff a manager looks after: one administrative unit, or, for a manager whose role
 * is assigned tenant-wide, the whole organization. Two locations are the same place when their
 * {@link #scope()}s are equal.
 */
public sealed interface Location permits Location.WholeOrganization, Location.Unit {

  /**
   * The whole organization, the first location of a tenant-wide administrator (its units follow).
   */
  static Location wholeOrganization() {
    return WholeOrganization.INSTANCE;
  }

  /** The administrative unit {@code unit}. */
  static Location of(AdministrativeUnit unit) {
    return new Unit(unit);
  }

  /** What a UI shows for this location. */
  String displayName();

  /** The role-assignment scope that covers exactly this location. */
  Scope scope();

  /** Every user of the organization. */
  enum WholeOrganization implements Location {
    INSTANCE;

    @Override
    public String displayName() {
      return "Whole organization";
    }

    @Override
    public Scope scope() {
      return Scope.tenant();
    }
  }

  /** The members of one administrative unit. */
  record Unit(AdministrativeUnit unit) implements Location {
    public Unit {
      requireNonNull(unit, "unit");
    }

    @Override
    public String displayName() {
      return unit.displayName();
    }

    @Override
    public Scope scope() {
      return Scope.unit(unit.id());
    }
  }
}
