package io.mystaff.api.approval;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.ApprovalId;
import io.mystaff.api.ErrorCode;
import io.mystaff.api.MyStaffException;

/**
 * An approval request could not be approved or rejected because it is no longer pending: another
 * manager decided it first, it expired, or it was executed. Nothing was changed by the call.
 *
 * @since 0.2.0
 */
public final class ApprovalClosedException extends MyStaffException {
  private static final long serialVersionUID = 1L;

  private final ApprovalId approval;
  private final ApprovalState state;

  /**
   * Creates the exception.
   *
   * @param approval the request
   * @param state the state it is in
   */
  public ApprovalClosedException(ApprovalId approval, ApprovalState state) {
    super(
        ErrorCode.APPROVAL_CLOSED,
        "approval request " + requireNonNull(approval, "approval") + " is " + state);
    this.approval = approval;
    this.state = requireNonNull(state, "state");
  }

  /** {@return the request} */
  public ApprovalId approval() {
    return approval;
  }

  /** {@return the state the request was found in} */
  public ApprovalState state() {
    return state;
  }
}
