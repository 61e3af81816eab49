package io.mystaff.api.access;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.ErrorCode;
import io.mystaff.api.MyStaffException;
import io.mystaff.api.UserId;
import io.mystaff.api.authz.DenyReason;

/**
 * The user may not change who can use My Staff: it takes an active, tenant-wide User Administrator,
 * Privileged Role Administrator or Global Administrator assignment. {@link #reason()} says why
 * ({@link DenyReason#NO_ACTIVE_ROLE} or {@link DenyReason#ROLE_LACKS_PERMISSION}); {@link #code()}
 * is {@link ErrorCode#ACCESS_DENIED}.
 *
 * @since 0.1.0
 */
public final class AvailabilityChangeDeniedException extends MyStaffException {
  private static final long serialVersionUID = 1L;

  private final UserId actor;
  private final DenyReason reason;

  /**
   * Creates the exception.
   *
   * @param actor who tried to change the setting
   * @param reason why it was refused
   */
  public AvailabilityChangeDeniedException(UserId actor, DenyReason reason) {
    super(
        ErrorCode.ACCESS_DENIED,
        "changing My Staff availability denied to " + actor + ": " + reason);
    this.actor = requireNonNull(actor, "actor");
    this.reason = requireNonNull(reason, "reason");
  }

  /** {@return who tried to change the setting} */
  public UserId actor() {
    return actor;
  }

  /** {@return why the change was refused} */
  public DenyReason reason() {
    return reason;
  }
}
