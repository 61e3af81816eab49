package io.mystaff.api.audit;

/**
 * What happened to the attempt an event records.
 *
 * @since 0.1.0
 */
public enum AuditOutcome {
  /** The change took effect (or, for reads, the data was shown). */
  SUCCEEDED,
  /** Authorized, but the change did not take effect (bad input, policy, provider failure). */
  FAILED,
  /** Not authorized; nothing was attempted. */
  DENIED,
  /** Accepted and still in progress (asynchronous writeback); a final event follows. */
  PENDING;

  /** {@return the Microsoft Graph {@code operationResult} this outcome maps to} */
  public String graphResult() {
    return switch (this) {
      case SUCCEEDED -> "success";
      case FAILED, DENIED -> "failure";
      case PENDING -> "unknownFutureValue";
    };
  }
}
