package io.mystaff.api.password;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The final outcome of a writeback: success, or failure with a reason.
 *
 * @param status {@link WritebackStatus#SUCCEEDED} or {@link WritebackStatus#FAILED}
 * @param failure why it failed; present exactly when the status is FAILED
 * @since 0.1.0
 */
public record WritebackResult(WritebackStatus status, Optional<WritebackFailure> failure) {
  private static final WritebackResult SUCCEEDED =
      new WritebackResult(WritebackStatus.SUCCEEDED, Optional.empty());

  /**
   * Rejects a missing component.
   *
   * @param status {@link WritebackStatus#SUCCEEDED} or {@link WritebackStatus#FAILED}
   * @param failure why it failed; present exactly when the status is FAILED
   */
  public WritebackResult {
    requireNonNull(status, "status");
    requireNonNull(failure, "failure");
    if (!status.isTerminal()) {
      throw new IllegalArgumentException("a result is SUCCEEDED or FAILED");
    }
    if ((status == WritebackStatus.FAILED) != failure.isPresent()) {
      throw new IllegalArgumentException("a failure reason is given exactly for FAILED");
    }
  }

  /** {@return the result of a writeback that applied the password} */
  public static WritebackResult succeeded() {
    return SUCCEEDED;
  }

  /**
   * A failed writeback.
   *
   * @param reason why the password was not applied
   * @return the result
   */
  public static WritebackResult failed(WritebackFailure reason) {
    return new WritebackResult(WritebackStatus.FAILED, Optional.of(reason));
  }

  /** {@return true if the password was applied on premises} */
  public boolean isSuccess() {
    return status == WritebackStatus.SUCCEEDED;
  }
}
