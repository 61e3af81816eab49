package io.mystaff.core;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.approval.ApprovalRequest;
import io.mystaff.api.approval.ApprovalState;
import java.util.Optional;

/**
 * What {@link StaffSession#approve} did: the request, now {@link ApprovalState#EXECUTED}, and the
 * result of its change: a password reset's result (a generated temporary password, shown once to
 * the approver who executed it) or a phone change.
 *
 * @param request the request, executed
 * @param passwordReset the result of a password reset
 * @param phoneChange the result of a phone change
 * @since 0.2.0
 */
public record ApprovedChange(
    ApprovalRequest request,
    Optional<PasswordResetResult> passwordReset,
    Optional<PhoneChange> phoneChange) {

  /** Checks that exactly one result is given and that the request was executed. */
  public ApprovedChange {
    requireNonNull(request, "request");
    requireNonNull(passwordReset, "passwordReset");
    requireNonNull(phoneChange, "phoneChange");
    if (passwordReset.isPresent() == phoneChange.isPresent()) {
      throw new IllegalArgumentException("exactly one of a reset and a phone change");
    }
    if (request.state() != ApprovalState.EXECUTED) {
      throw new IllegalArgumentException("the request must be EXECUTED, was " + request.state());
    }
  }
}
