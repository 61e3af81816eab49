package io.mystaff.api.approval;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.ApprovalId;
import io.mystaff.api.ErrorCode;
import io.mystaff.api.MyStaffException;
import io.mystaff.api.UserId;
import io.mystaff.api.authz.StaffAction;
import java.time.Instant;

/**
 * The change a manager asked for was not made: the host's approval policy covers it, so an approval
 * request was created instead ({@link #approval()}), which another manager may approve until {@link
 * #expiresAt()}. Thrown rather than returned so that no caller can mistake a pending request for a
 * change that took effect.
 *
 * @since 0.2.0
 */
public final class ApprovalRequiredException extends MyStaffException {
  private static final long serialVersionUID = 1L;

  private final ApprovalId approval;
  private final StaffAction action;
  private final UserId target;
  private final Instant expiresAt;

  /**
   * Creates the exception for a request just created.
   *
   * @param request the request, {@link ApprovalState#REQUESTED}
   */
  public ApprovalRequiredException(ApprovalRequest request) {
    super(
        ErrorCode.APPROVAL_REQUIRED,
        requireNonNull(request, "request").action()
            + " of "
            + request.target()
            + " needs another manager's approval: request "
            + request.id()
            + " expires at "
            + request.expiresAt());
    this.approval = request.id();
    this.action = request.action();
    this.target = request.target();
    this.expiresAt = request.expiresAt();
  }

  /** {@return the id of the approval request created} */
  public ApprovalId approval() {
    return approval;
  }

  /** {@return the action that waits for approval} */
  public StaffAction action() {
    return action;
  }

  /** {@return the user the change is for} */
  public UserId target() {
    return target;
  }

  /** {@return when the request expires if no one decides it} */
  public Instant expiresAt() {
    return expiresAt;
  }
}
