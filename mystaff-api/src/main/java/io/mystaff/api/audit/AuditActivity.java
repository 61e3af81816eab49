package io.mystaff.api.audit;

/**
 * The activities My Staff records, with the {@code activityDisplayName}, {@code category} and
 * {@code operationType} they carry in a Microsoft Graph {@code directoryAudit}.
 */
public enum AuditActivity {
  SIGN_IN("Sign in to My Staff", "UserManagement", "Other"),
  VIEW_PROFILE("View user profile", "UserManagement", "Other"),
  RESET_PASSWORD("Reset user password", "UserManagement", "Update"),
  ADD_PHONE("Admin registered security info", "UserManagement", "Add"),
  UPDATE_PHONE("Admin updated security info", "UserManagement", "Update"),
  DELETE_PHONE("Admin deleted security info", "UserManagement", "Delete");

  private final String displayName;
  private final String category;
  private final String operationType;

  AuditActivity(String displayName, String category, String operationType) {
    this.displayName = displayName;
    this.category = category;
    this.operationType = operationType;
  }

  public String displayName() {
    return displayName;
  }

  public String category() {
    return category;
  }

  public String operationType() {
    return operationType;
  }
}
