package io.mystaff.api;

/**
 * The directory has no administrative unit with the given id.
 *
 * @since 0.1.0
 */
public final class UnknownUnitException extends MyStaffException {
  private static final long serialVersionUID = 1L;

  private final UnitId unitId;

  /**
   * Creates the exception.
   *
   * @param unitId the id no unit has
   */
  public UnknownUnitException(UnitId unitId) {
    super(
        ErrorCode.UNKNOWN_UNIT,
        "No administrative unit with id " + java.util.Objects.requireNonNull(unitId, "unitId"));
    this.unitId = unitId;
  }

  /** {@return the id no unit has} */
  public UnitId unitId() {
    return unitId;
  }
}
