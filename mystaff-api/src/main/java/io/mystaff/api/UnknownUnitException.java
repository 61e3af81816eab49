package io.mystaff.api;

/** The directory has no administrative unit with the given id. */
public final class UnknownUnitException extends MyStaffException {
  private static final long serialVersionUID = 1L;

  private final UnitId unitId;

  public UnknownUnitException(UnitId unitId) {
    super(ErrorCode.UNKNOWN_UNIT, "No administrative unit with id " + java.util.Objects.requireNonNull(unitId, "unitId"));
    this.unitId = unitId;
  }

  public UnitId unitId() {
    return unitId;
  }
}
