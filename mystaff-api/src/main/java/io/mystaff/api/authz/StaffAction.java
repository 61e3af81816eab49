package io.mystaff.api.authz;

/**
 * What a manager can do to a user through My Staff. Each action corresponds to an Entra resource
 * action, which is what a custom role must include to grant it.
 *
 * @since 0.1.0
 */
public enum StaffAction {
  /** Open the user's profile (name, principal name, units, phone methods). */
  VIEW_PROFILE("microsoft.directory/users/standard/read"),
  /** Reset the user's password (temporary for cloud users, written back for synced users). */
  RESET_PASSWORD("microsoft.directory/users/password/update"),
  /** Add, edit or remove the user's phone authentication methods. */
  MANAGE_PHONES("microsoft.directory/users/authenticationMethods/basic/update"),
  /**
   * Sign the user out everywhere: invalidate their refresh tokens and browser sessions (Graph's
   * {@code revokeSignInSessions}, which sets {@code signInSessionsValidFromDateTime} to now).
   *
   * @since 0.2.0
   */
  REVOKE_SESSIONS("microsoft.directory/users/invalidateAllRefreshTokens"),
  /**
   * Unlock a synced user's on-premises account (locked out after too many wrong passwords) through
   * the password writeback. Entra has no permission for this (self-service password reset lets
   * users unlock their own account), so its resource action is mystaff's own and no Entra custom
   * role holds it; a custom role defined for mystaff may.
   *
   * @since 0.2.0
   */
  UNLOCK_ACCOUNT("mystaff/users/onPremisesAccount/unlock");

  private final String resourceAction;

  StaffAction(String resourceAction) {
    this.resourceAction = resourceAction;
  }

  /**
   * {@return the Entra permission string a custom role needs in order to be granted this action}
   */
  public String resourceAction() {
    return resourceAction;
  }

  /** {@return true for the actions that change the user} */
  public boolean isChange() {
    return this != VIEW_PROFILE;
  }
}
