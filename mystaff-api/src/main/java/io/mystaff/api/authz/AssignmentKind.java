package io.mystaff.api.authz;

/**
 * Whether a role assignment is held or only claimable, as Privileged Identity Management
 * distinguishes them ({@code roleAssignmentSchedule} and {@code roleEligibilitySchedule}).
 *
 * @since 0.1.0
 */
public enum AssignmentKind {
  /** The principal holds the role during the assignment's window. */
  ACTIVE,
  /**
   * The principal may activate the role during the assignment's window but does not hold it: an
   * eligible assignment grants nothing, yet protects its holder as a target (activation is a click
   * away).
   */
  ELIGIBLE
}
