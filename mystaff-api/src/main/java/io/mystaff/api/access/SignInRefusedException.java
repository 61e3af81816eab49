package io.mystaff.api.access;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.ErrorCode;
import io.mystaff.api.MyStaffException;
import io.mystaff.api.UserId;

/**
 * The manager may not open My Staff; {@link #reason()} says why.
 *
 * @since 0.1.0
 */
public final class SignInRefusedException extends MyStaffException {
  private static final long serialVersionUID = 1L;

  private final UserId user;
  private final SignInRefusal reason;

  /**
   * Creates the exception; its message names the user and the refusal, nothing else.
   *
   * @param user the user who tried to sign in
   * @param reason why the sign-in was refused
   */
  public SignInRefusedException(UserId user, SignInRefusal reason) {
    super(ErrorCode.SIGN_IN_REFUSED, "Sign-in of " + user + " refused: " + reason);
    this.user = requireNonNull(user, "user");
    this.reason = requireNonNull(reason, "reason");
  }

  /** {@return the user who tried to sign in} */
  public UserId user() {
    return user;
  }

  /** {@return why the sign-in was refused, for the host to render} */
  public SignInRefusal reason() {
    return reason;
  }
}
