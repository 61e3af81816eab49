package io.mystaff.api.directory;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.ErrorCode;
import io.mystaff.api.MyStaffException;
import io.mystaff.api.UserId;

/**
 * The user has no phone method of the named type, so there is nothing to remove (Microsoft Graph
 * answers 404). Nothing was changed, and no deletion was recorded.
 *
 * @since 0.1.0
 */
public final class PhoneMethodNotFoundException extends MyStaffException {
  private static final long serialVersionUID = 1L;

  private final UserId userId;
  private final PhoneType type;

  /**
   * Creates the exception.
   *
   * @param userId the user who has no such method
   * @param type the missing method's type
   */
  public PhoneMethodNotFoundException(UserId userId, PhoneType type) {
    super(
        ErrorCode.PHONE_METHOD_NOT_FOUND,
        "User "
            + requireNonNull(userId, "userId")
            + " has no "
            + requireNonNull(type, "type").graphName()
            + " phone method");
    this.userId = userId;
    this.type = type;
  }

  /** {@return the user who has no such method} */
  public UserId userId() {
    return userId;
  }

  /**
   * {@return the missing method's type; its {@link PhoneType#graphName()} is the form field to
   * mark}
   */
  public PhoneType type() {
    return type;
  }
}
