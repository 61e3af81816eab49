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

  public AccessDeniedException(StaffAction action, UserId target, DenyReason reason) {
    super(ErrorCode.ACCESS_DENIED, action + " on " + target + " denied: " + reason);
    this.action = requireNonNull(action, "action");
    this.target = requireNonNull(target, "target");
    this.reason = requireNonNull(reason, "reason");
  }

  public StaffAction action() {
    return action;
  }

  public UserId target() {
    return target;
  }

  public DenyReason reason() {
    return reason;
  }
}
