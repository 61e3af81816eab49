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

  public PasswordRejectedException(List<PolicyViolation> violations) {
    super(ErrorCode.PASSWORD_REJECTED, "Password rejected: "
        + violations.stream().map(PolicyViolation::key).toList());
    this.violations = List.copyOf(violations);
  }

  public List<PolicyViolation> violations() {
    return violations;
  }
}
