package io.mystaff.api.directory;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.ErrorCode;
import io.mystaff.api.MyStaffException;
import io.mystaff.api.UserId;
import io.mystaff.api.authz.StaffAction;

/**
 * The action applies only to a user synced from an on-premises directory, and this user is
 * cloud-only: there is no on-premises account to act on (e.g. {@link StaffAction#UNLOCK_ACCOUNT}).
 * Thrown before the attempt begins, so nothing was changed or recorded.
 *
 * @since 0.2.0
 */
public final class AccountNotSyncedException extends MyStaffException {
  private static final long serialVersionUID = 1L;

  private final UserId userId;
  private final StaffAction action;

  /**
   * Creates the exception, with code {@link ErrorCode#ACCOUNT_NOT_SYNCED}.
   *
   * @param userId the cloud-only user
   * @param action the action that needs an on-premises account
   */
  public AccountNotSyncedException(UserId userId, StaffAction action) {
    super(
        ErrorCode.ACCOUNT_NOT_SYNCED,
        "User "
            + requireNonNull(userId, "userId")
            + " is cloud-only: "
            + requireNonNull(action, "action")
            + " needs an account synced from on premises");
    this.userId = userId;
    this.action = action;
  }

  /** {@return the cloud-only user} */
  public UserId userId() {
    return userId;
  }

  /** {@return the action that needs an on-premises account} */
  public StaffAction action() {
    return action;
  }
}
