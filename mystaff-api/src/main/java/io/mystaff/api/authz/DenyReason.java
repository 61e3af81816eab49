package io.mystaff.api.authz;

/**
 * Why an action was denied; stable codes with a message a UI may show as is.
 *
 * @since 0.1.0
 */
public enum DenyReason {
  /** The manager holds no role assignment that is active now. */
  NO_ACTIVE_ROLE("You have no administrator role that is active now."),
  /** None of the manager's active roles includes this action. */
  ROLE_LACKS_PERMISSION("Your administrator roles do not allow this action."),
  /**
   * The manager's only roles that are active now are assigned to an administrative unit, but Entra
   * does not allow those roles at that scope (e.g. Global Administrator, or a custom role without
   * user, group or device permissions), so they grant nothing.
   */
  ROLE_NOT_ASSIGNABLE_AT_UNIT_SCOPE(
      "Your administrator role is assigned to a location, but that role cannot be limited to a"
          + " location, so it grants nothing there."),
  /** A role includes the action, but no assignment of it covers a unit the user belongs to. */
  TARGET_OUT_OF_SCOPE("This user is outside the locations you manage."),
  /** The user holds a role that protects them from the manager's roles (e.g. an administrator). */
  TARGET_PROTECTED("This user has administrator privileges your role cannot manage."),
  /** The user is in a restricted-management unit and the manager is not assigned at its scope. */
  RESTRICTED_MANAGEMENT_UNIT(
      "This user is in a restricted management unit you are not assigned to."),
  /** Managers change their own credentials elsewhere, not through My Staff. */
  SELF_ACTION("You cannot perform this action on your own account."),
  /** Guests' credentials belong to their home organization: My Staff only shows them. */
  GUEST_ACCOUNT(
      "This user is a guest: My Staff cannot change a guest's password or phone numbers."),
  /**
   * The manager made more changes of this kind in a short time than the tenant's limit allows. Not
   * an engine decision: the workflow's per-manager rate limit refused the attempt.
   *
   * @since 0.1.0
   */
  RATE_LIMITED(
      "You have made too many changes of this kind in a short time. Wait a few minutes and try again."),
  /**
   * Four eyes: the manager asked for this change and cannot also approve it; another manager must.
   * Not an engine decision: the approval workflow refused the approval.
   *
   * @since 0.2.0
   */
  SELF_APPROVAL("You asked for this change: another manager must approve it."),
  /**
   * The directory or writeback this My Staff is configured with cannot perform the action at all
   * (it lacks the capability, e.g. session revocation or on-premises unlock), so it is not offered.
   * Not an engine decision: the capability check that precedes it.
   *
   * @since 0.2.0
   */
  ACTION_NOT_SUPPORTED("This action is not available in your organization's My Staff."),
  /**
   * The action exists only for accounts synced from an on-premises directory, and this user's
   * account is cloud-only (e.g. unlocking the on-premises account). Not an engine decision.
   *
   * @since 0.2.0
   */
  ACCOUNT_NOT_SYNCED("This user's account is not synced from an on-premises directory.");

  private final String message;

  DenyReason(String message) {
    this.message = message;
  }

  /** {@return a short sentence for end users ("insufficient permissions" with the why)} */
  public String message() {
    return message;
  }
}
