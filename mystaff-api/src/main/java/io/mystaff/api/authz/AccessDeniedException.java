package io.mystaff.api.authz;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.ErrorCode;
import io.mystaff.api.MyStaffException;
import io.mystaff.api.UserId;

/**
 * The manager may not perform the action on the target; {@link #reason()} says why.
 *
 * @since 0.1.0
 */
public final class AccessDeniedException extends MyStaffException {
  private static final long serialVersionUID = 1L;

  private final StaffAction action;
  private final UserId target;
  private final DenyReason reason;

  /**
   * Creates the exception, with code {@link ErrorCode#ACCESS_DENIED}.
   *
   * @param action the action refused
   * @param target the user it was refused on
   * @param reason why
   */
  public AccessDeniedException(StaffAction action, UserId target, DenyReason reason) {
    super(ErrorCode.ACCESS_DENIED, action + " on " + target + " denied: " + reason);
    this.action = requireNonNull(action, "action");
    this.target = requireNonNull(target, "target");
    this.reason = requireNonNull(reason, "reason");
  }

  /** {@return the action refused} */
  public StaffAction action() {
    return action;
  }

  /** {@return the user the action was refused on} */
  public UserId target() {
    return target;
  }

  /** {@return why the action was refused} */
  public DenyReason reason() {
    return reason;
  }
}
