package io.mystaff.api.directory;

/**
 * How an administrative unit's user members are decided.
 *
 * @since 0.1.0
 */
public enum MembershipType {
  /** Members are added and removed explicitly. */
  ASSIGNED,
  /** Members are every user matching the unit's membership rule, kept current as users change. */
  DYNAMIC
}
