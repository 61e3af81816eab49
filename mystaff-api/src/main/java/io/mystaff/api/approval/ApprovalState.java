package io.mystaff.api.approval;

import static java.util.Objects.requireNonNull;

/**
 * Where an approval request stands. The only transitions are
 *
 * <pre>
 * REQUESTED ─► APPROVED ─► EXECUTED
 *     │            └─────► FAILED
 *     ├──────► REJECTED
 *     └──────► EXPIRED
 * </pre>
 *
 * <p>{@link #EXECUTED}, {@link #FAILED}, {@link #REJECTED} and {@link #EXPIRED} are terminal.
 *
 * @since 0.2.0
 */
public enum ApprovalState {
  /** Waiting for another manager's decision until it expires. */
  REQUESTED,
  /** Approved; its change is being executed by the approver's call. */
  APPROVED,
  /** Approved and executed: the change took effect. */
  EXECUTED,
  /**
   * Approved, but the change did not take effect: the engine denied it at execution (say, the
   * target moved out of scope) or it failed; the request's reason says why.
   */
  FAILED,
  /** Rejected by another manager, with a reason. */
  REJECTED,
  /** Not decided before it expired. */
  EXPIRED;

  /** {@return true if no transition leaves this state} */
  public boolean isTerminal() {
    return this != REQUESTED && this != APPROVED;
  }

  /**
   * Whether a request may move from this state to {@code next}.
   *
   * @param next the state to move to
   * @return true for the transitions this type's documentation draws, false for every other
   */
  public boolean canMoveTo(ApprovalState next) {
    requireNonNull(next, "next");
    return switch (this) {
      case REQUESTED -> next == APPROVED || next == REJECTED || next == EXPIRED;
      case APPROVED -> next == EXECUTED || next == FAILED;
      case EXECUTED, FAILED, REJECTED, EXPIRED -> false;
    };
  }
}
