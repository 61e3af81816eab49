package io.mystaff.api.approval;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.ApprovalId;
import io.mystaff.api.CorrelationId;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.UserId;
import io.mystaff.api.authz.StaffAction;
import java.time.Instant;
import java.util.Optional;

/**
 * One change a manager asked for that waits for, or got, another manager's decision. The request's
 * immutable part (id, correlation id, requester, target, change, when it was requested and when it
 * expires) never changes; only its state and decision move, along {@link ApprovalState}'s
 * transitions, through the methods {@link #approve}, {@link #reject}, {@link #expire}, {@link
 * #executed} and {@link #failed}, each of which returns the next value.
 *
 * <p>Its parts agree by construction: a request expires after it was requested; a decided request
 * ({@code APPROVED}, {@code EXECUTED}, {@code FAILED}, {@code REJECTED}) names who decided and
 * when, and that is never the requester (no self-approval); a reason comes with {@code REJECTED}
 * (the approver's) and {@code FAILED} (the execution's reason code) only.
 *
 * @param id the request's id
 * @param correlationId the correlation id of every audit event of the request, from the request to
 *     its execution
 * @param requester the manager who asked for the change
 * @param target the user the change is for
 * @param change the change, never holding a password
 * @param requestedAt when it was requested
 * @param expiresAt the instant from which an undecided request is expired (exact: a request is
 *     still pending at the instant before it)
 * @param state where the request stands
 * @param decidedBy the manager who approved or rejected it
 * @param decidedAt when it was approved or rejected
 * @param reason the rejection's reason, or the reason code of a failed execution
 * @since 0.2.0
 */
public record ApprovalRequest(
    ApprovalId id,
    CorrelationId correlationId,
    UserId requester,
    UserId target,
    RequestedChange change,
    Instant requestedAt,
    Instant expiresAt,
    ApprovalState state,
    Optional<UserId> decidedBy,
    Optional<Instant> decidedAt,
    Optional<String> reason) {

  /** The longest reason, in characters. */
  public static final int MAX_REASON_LENGTH = 500;

  /**
   * Checks that the parts agree.
   *
   * @throws InvalidInputException if they do not (see the type's documentation)
   */
  public ApprovalRequest {
    requireNonNull(id, "id");
    requireNonNull(correlationId, "correlationId");
    requireNonNull(requester, "requester");
    requireNonNull(target, "target");
    requireNonNull(change, "change");
    requireNonNull(requestedAt, "requestedAt");
    requireNonNull(expiresAt, "expiresAt");
    requireNonNull(state, "state");
    requireNonNull(decidedBy, "decidedBy");
    requireNonNull(decidedAt, "decidedAt");
    requireNonNull(reason, "reason");
    if (!expiresAt.isAfter(requestedAt)) {
      throw InvalidInputException.of(
          "expires at", "must be after the request", "approval.expiryInvalid");
    }
    boolean decided = state != ApprovalState.REQUESTED && state != ApprovalState.EXPIRED;
    if (decidedBy.isPresent() != decided || decidedAt.isPresent() != decided) {
      throw InvalidInputException.of(
          "decided by",
          "must be given exactly when the request was approved or rejected",
          "approval.decisionInvalid");
    }
    if (decidedBy.isPresent() && decidedBy.get().equals(requester)) {
      throw InvalidInputException.of(
          "decided by", "must not be the requester", "approval.selfApproval");
    }
    boolean reasoned = state == ApprovalState.REJECTED || state == ApprovalState.FAILED;
    if (reason.isPresent() != reasoned) {
      throw InvalidInputException.of(
          "reason",
          "must be given exactly when the request was rejected or failed",
          "approval.reasonInvalid");
    }
    if (reason.isPresent()) {
      requireReason(reason.get());
    }
  }

  /**
   * A new request, {@link ApprovalState#REQUESTED}.
   *
   * @param id the request's id
   * @param correlationId the correlation id of its audit events
   * @param requester who asks
   * @param target the user the change is for
   * @param change the change
   * @param requestedAt now
   * @param expiresAt when it expires, after {@code requestedAt}
   * @return the request
   * @throws InvalidInputException if {@code expiresAt} is not after {@code requestedAt}
   */
  public static ApprovalRequest requested(
      ApprovalId id,
      CorrelationId correlationId,
      UserId requester,
      UserId target,
      RequestedChange change,
      Instant requestedAt,
      Instant expiresAt) {
    return new ApprovalRequest(
        id,
        correlationId,
        requester,
        target,
        change,
        requestedAt,
        expiresAt,
        ApprovalState.REQUESTED,
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /** {@return the action the change needs} */
  public StaffAction action() {
    return change.action();
  }

  /**
   * Whether this request is still {@link ApprovalState#REQUESTED} but expired at {@code now}: from
   * {@link #expiresAt()} on, exactly.
   *
   * @param now the instant to judge at
   * @return true if it must move to {@link ApprovalState#EXPIRED}
   */
  public boolean isDueAt(Instant now) {
    requireNonNull(now, "now");
    return state == ApprovalState.REQUESTED && !now.isBefore(expiresAt);
  }

  /**
   * This request approved by {@code approver} at {@code at}.
   *
   * @param approver who approves, not the requester
   * @param at when
   * @return the next value
   * @throws IllegalStateException if the request is not {@link ApprovalState#REQUESTED}
   * @throws InvalidInputException if {@code approver} is the requester
   */
  public ApprovalRequest approve(UserId approver, Instant at) {
    return move(ApprovalState.APPROVED, Optional.of(approver), Optional.of(at), Optional.empty());
  }

  /**
   * This request rejected by {@code approver} at {@code at} for {@code why}.
   *
   * @param approver who rejects, not the requester
   * @param at when
   * @param why the reason, 1 to {@value #MAX_REASON_LENGTH} characters without control characters
   * @return the next value
   * @throws IllegalStateException if the request is not {@link ApprovalState#REQUESTED}
   * @throws InvalidInputException if {@code approver} is the requester or the reason is invalid
   */
  public ApprovalRequest reject(UserId approver, Instant at, String why) {
    return move(
        ApprovalState.REJECTED,
        Optional.of(approver),
        Optional.of(at),
        Optional.of(requireReason(why)));
  }

  /**
   * This request expired.
   *
   * @return the next value
   * @throws IllegalStateException if the request is not {@link ApprovalState#REQUESTED}
   */
  public ApprovalRequest expire() {
    return move(ApprovalState.EXPIRED, Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * This approved request executed.
   *
   * @return the next value
   * @throws IllegalStateException if the request is not {@link ApprovalState#APPROVED}
   */
  public ApprovalRequest executed() {
    return move(ApprovalState.EXECUTED, decidedBy, decidedAt, Optional.empty());
  }

  /**
   * This approved request failed at execution with the reason code {@code why}.
   *
   * @param why the reason code, e.g. {@code TARGET_OUT_OF_SCOPE}
   * @return the next value
   * @throws IllegalStateException if the request is not {@link ApprovalState#APPROVED}
   */
  public ApprovalRequest failed(String why) {
    return move(ApprovalState.FAILED, decidedBy, decidedAt, Optional.of(requireReason(why)));
  }

  /**
   * Whether {@code other} is this request in another state: every part but the state, the decision
   * and the reason is equal.
   *
   * @param other another value
   * @return true if they are the same request
   */
  public boolean isSameRequestAs(ApprovalRequest other) {
    requireNonNull(other, "other");
    return id.equals(other.id)
        && correlationId.equals(other.correlationId)
        && requester.equals(other.requester)
        && target.equals(other.target)
        && change.equals(other.change)
        && requestedAt.equals(other.requestedAt)
        && expiresAt.equals(other.expiresAt);
  }

  private ApprovalRequest move(
      ApprovalState next, Optional<UserId> by, Optional<Instant> at, Optional<String> why) {
    requireNonNull(next, "next");
    by.ifPresent(b -> requireNonNull(b, "approver"));
    at.ifPresent(a -> requireNonNull(a, "at"));
    if (!state.canMoveTo(next)) {
      throw new IllegalStateException(
          "approval " + id + " cannot move from " + state + " to " + next);
    }
    return new ApprovalRequest(
        id, correlationId, requester, target, change, requestedAt, expiresAt, next, by, at, why);
  }

  /**
   * Checks a reason: 1 to {@value #MAX_REASON_LENGTH} characters, not blank, without control
   * characters.
   *
   * @param why the reason
   * @return {@code why}
   * @throws InvalidInputException if it is missing or invalid
   */
  public static String requireReason(String why) {
    if (why == null) {
      throw InvalidInputException.of("reason", "is required", "approval.reasonRequired");
    }
    if (why.isBlank() || why.length() > MAX_REASON_LENGTH) {
      throw InvalidInputException.of(
          "reason", "must be 1 to " + MAX_REASON_LENGTH + " characters", "approval.reasonInvalid");
    }
    for (int i = 0; i < why.length(); i++) {
      if (Character.isISOControl(why.charAt(i))) {
        throw InvalidInputException.of(
            "reason", "must not contain control characters", "approval.reasonInvalid");
      }
    }
    return why;
  }
}
