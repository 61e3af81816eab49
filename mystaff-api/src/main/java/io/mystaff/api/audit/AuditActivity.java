package io.mystaff.api.audit;

/**
 * The activities My Staff records, with the {@code activityDisplayName}, {@code category}, {@code
 * operationType} and {@code loggedByService} they carry in a Microsoft Graph {@code
 * directoryAudit}, as Entra logs them (Microsoft Learn, "Microsoft Entra audit log activity
 * reference"): a password reset by {@code Core Directory}, phone methods by {@code Authentication
 * Methods}, the feature setting by {@code Self-service group management}.
 *
 * <p>{@link #SIGN_IN} and {@link #VIEW_PROFILE} are mystaff's own additions: Entra writes sign-ins
 * to the sign-in log and does not audit profile views. They use the same shape, operation type
 * {@code Other} and service {@code My Staff}, so consumers can filter them out.
 *
 * @since 0.1.0
 */
public enum AuditActivity {
  /** mystaff's own: a manager opened My Staff (or was refused). */
  SIGN_IN("Sign in to My Staff", "UserManagement", "Other", "My Staff"),
  /** mystaff's own: a manager opened a user's profile (or was refused). */
  VIEW_PROFILE("View user profile", "UserManagement", "Other", "My Staff"),
  /** A manager reset a user's password (Graph: "Reset user password"). */
  RESET_PASSWORD("Reset user password", "UserManagement", "Update", "Core Directory"),
  /** A manager added a phone method (Graph: "Admin registered security info"). */
  ADD_PHONE("Admin registered security info", "UserManagement", "Add", "Authentication Methods"),
  /** A manager changed a phone method's number (Graph: "Admin updated security info"). */
  UPDATE_PHONE("Admin updated security info", "UserManagement", "Update", "Authentication Methods"),
  /** A manager removed a phone method (Graph: "Admin deleted security info"). */
  DELETE_PHONE("Admin deleted security info", "UserManagement", "Delete", "Authentication Methods"),
  /**
   * A manager signed the user out everywhere (Graph: "Invalidate all refresh tokens for user").
   *
   * @since 0.2.0
   */
  REVOKE_SESSIONS(
      "Invalidate all refresh tokens for user", "UserManagement", "Update", "Core Directory"),
  /**
   * mystaff's own: a manager unlocked a synced user's on-premises account through the password
   * writeback. Entra logs no such administrator activity (its self-service unlock is the user's),
   * so the name is mystaff's and the service {@code My Staff}.
   *
   * @since 0.2.0
   */
  UNLOCK_ACCOUNT("Unlock on-premises user account", "UserManagement", "Update", "My Staff"),
  /**
   * mystaff's own: a manager handed some of their locations (and actions) to a deputy for a time
   * window. Entra has no deputies in My Staff, so the name is mystaff's and the service {@code My
   * Staff}.
   *
   * @since 0.2.0
   */
  DELEGATE("Delegate My Staff locations to a deputy", "RoleManagement", "Add", "My Staff"),
  /**
   * mystaff's own: a delegation to a deputy was revoked before it ended.
   *
   * @since 0.2.0
   */
  REVOKE_DELEGATION(
      "Revoke My Staff delegation to a deputy", "RoleManagement", "Delete", "My Staff"),
  /**
   * The My Staff availability setting changed.
   *
   * @since 0.1.0
   */
  UPDATE_FEATURE_VALUE(
      "Update MyStaff feature value", "UserManagement", "Update", "Self-service group management"),
  /**
   * mystaff's own: a change the approval policy covers was requested and waits for another
   * manager's approval (SUCCEEDED), or could not be requested (DENIED, FAILED).
   *
   * @since 0.2.0
   */
  APPROVAL_REQUESTED("Request approval of change", "UserManagement", "Other", "My Staff"),
  /**
   * mystaff's own: another manager approved a requested change (SUCCEEDED), or was refused (DENIED:
   * self-approval, or the engine denies them the action on the target now).
   *
   * @since 0.2.0
   */
  APPROVAL_APPROVED("Approve change", "UserManagement", "Other", "My Staff"),
  /**
   * mystaff's own: another manager rejected a requested change (SUCCEEDED), or was refused.
   *
   * @since 0.2.0
   */
  APPROVAL_REJECTED("Reject change", "UserManagement", "Other", "My Staff"),
  /**
   * mystaff's own: a requested change expired undecided.
   *
   * @since 0.2.0
   */
  APPROVAL_EXPIRED("Expire change request", "UserManagement", "Other", "My Staff"),
  /**
   * mystaff's own: an approved change was executed (SUCCEEDED), or its execution was denied by the
   * engine or failed (DENIED, FAILED); the change's own event precedes it.
   *
   * @since 0.2.0
   */
  APPROVAL_EXECUTED("Execute approved change", "UserManagement", "Other", "My Staff"),
  /**
   * mystaff's own: a manager started verifying a caller (a challenge was issued, or refused).
   *
   * @since 0.2.0
   */
  VERIFICATION_STARTED("Start caller verification", "UserManagement", "Other", "My Staff"),
  /**
   * mystaff's own: a caller answered a verification challenge rightly.
   *
   * @since 0.2.0
   */
  VERIFICATION_PASSED("Caller verification passed", "UserManagement", "Other", "My Staff"),
  /**
   * mystaff's own: a caller answered a verification challenge wrongly, or one that does not exist.
   *
   * @since 0.2.0
   */
  VERIFICATION_FAILED("Caller verification failed", "UserManagement", "Other", "My Staff"),
  /**
   * mystaff's own: a caller answered a verification challenge after it expired.
   *
   * @since 0.2.0
   */
  VERIFICATION_EXPIRED("Caller verification expired", "UserManagement", "Other", "My Staff");

  private final String displayName;
  private final String category;
  private final String operationType;
  private final String loggedByService;

  AuditActivity(String displayName, String category, String operationType, String loggedByService) {
    this.displayName = displayName;
    this.category = category;
    this.operationType = operationType;
    this.loggedByService = loggedByService;
  }

  /**
   * The service Entra names as the logger of this activity ({@code loggedByService}).
   *
   * @return the service, e.g. {@code Core Directory}
   * @since 0.1.0
   */
  public String loggedByService() {
    return loggedByService;
  }

  /** {@return the activity's name in Entra's audit log, e.g. {@code Reset user password}} */
  public String displayName() {
    return displayName;
  }

  /** {@return the audit log category, e.g. {@code UserManagement}} */
  public String category() {
    return category;
  }

  /** {@return the Graph {@code operationType}: {@code Add}, {@code Update} or {@code Delete}} */
  public String operationType() {
    return operationType;
  }
}
