package io.mystaff.core;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.ErrorCode;
import io.mystaff.api.MyStaffException;
import io.mystaff.api.UserId;
import io.mystaff.spi.DeliveryOutcome;

/**
 * A password reset whose temporary password (or its second part) could not be sent to the user.
 * Delivery comes before the write, so the reset did not happen: the user's password is unchanged
 * and the reset's one FAILED event carries the reason {@code DELIVERY_FAILED} with the mode and the
 * failure. mystaff never falls back to showing the manager the password; reset again, in another
 * allowed mode if the user cannot receive this one. The message never holds a secret.
 *
 * @since 0.2.0
 */
public final class CredentialDeliveryException extends MyStaffException {
  private static final long serialVersionUID = 1L;

  private final UserId user;
  private final DeliveryMode mode;
  private final DeliveryOutcome.Failure failure;

  /**
   * @param user the user whose password was not reset
   * @param mode the delivery mode the manager asked for
   * @param failure why the delivery failed
   */
  public CredentialDeliveryException(
      UserId user, DeliveryMode mode, DeliveryOutcome.Failure failure) {
    super(
        ErrorCode.PROVIDER_FAILURE,
        "The temporary password of "
            + requireNonNull(user, "user")
            + " could not be sent ("
            + requireNonNull(failure, "failure")
            + "); the password was not reset");
    this.user = user;
    this.mode = requireNonNull(mode, "mode");
    this.failure = failure;
  }

  /** {@return the user whose password was not reset} */
  public UserId user() {
    return user;
  }

  /** {@return the delivery mode the manager asked for} */
  public DeliveryMode mode() {
    return mode;
  }

  /** {@return why the delivery failed} */
  public DeliveryOutcome.Failure failure() {
    return failure;
  }
}
