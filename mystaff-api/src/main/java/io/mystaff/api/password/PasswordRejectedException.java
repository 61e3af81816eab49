package io.mystaff.api.password;

import io.mystaff.api.ErrorCode;
import io.mystaff.api.MyStaffException;
import java.util.List;

/**
 * The password does not satisfy the applicable policy; nothing was changed.
 *
 * @since 0.1.0
 */
public final class PasswordRejectedException extends MyStaffException {
  private static final long serialVersionUID = 1L;

  private final List<PolicyViolation> violations;

  /**
   * Creates the exception; the message carries the violation keys only.
   *
   * @param violations every reason the password was rejected; not empty
   */
  public PasswordRejectedException(List<PolicyViolation> violations) {
    super(
        ErrorCode.PASSWORD_REJECTED,
        "Password rejected: " + violations.stream().map(PolicyViolation::key).toList());
    this.violations = List.copyOf(violations);
  }

  /** {@return every reason the password was rejected, in the policy's order} */
  public List<PolicyViolation> violations() {
    return violations;
  }
}
