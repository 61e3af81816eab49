package io.mystaff.testkit.contract;

/**
 * Optional features of a {@link io.mystaff.spi.Directory}, for {@link DirectoryTestSuiteBuilder}. A
 * provider lacking one either declares it absent or throws {@link
 * io.mystaff.api.CapabilityNotSupportedException} (from the operation, or from its {@link
 * SubjectFactory} when asked to hold what it cannot).
 */
public enum DirectoryFeature {
  /** {@link io.mystaff.spi.Directory#allUsers} lists every user, in directory order, paged. */
  LISTS_ALL_USERS,
  /** {@link io.mystaff.spi.Directory#searchUnits} finds units by name prefix. */
  SEARCHES_UNITS,
  /** Dynamic units: members are exactly the users their membership rule matches. */
  DYNAMIC_UNITS,
  /** Custom role definitions appear in {@link io.mystaff.spi.Directory#roles()}. */
  CUSTOM_ROLES,
  /** Role-assignable group membership is reported by {@code isRoleAssignableGroupMember}. */
  ROLE_ASSIGNABLE_GROUPS,
  /**
   * {@link io.mystaff.spi.Directory#allUnits} lists every unit, in directory order, paged.
   *
   * @since 0.1.0
   */
  LISTS_ALL_UNITS
}
