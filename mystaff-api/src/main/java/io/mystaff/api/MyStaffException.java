package io.mystaff.api;

import static java.util.Objects.requireNonNull;

/**
 * The unchecked root of every exception mystaff throws on purpose. Each instance carries an {@link
 * ErrorCode}; messages are written for developers and never contain a secret.
 *
 * @since 0.1.0
 */
public class MyStaffException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;

  /**
   * Creates an exception.
   *
   * @param code its classification
   * @param message for developers; never a secret
   */
  public MyStaffException(ErrorCode code, String message) {
    super(requireNonNull(message, "message"));
    this.code = requireNonNull(code, "code");
  }

  /**
   * Creates an exception with a cause.
   *
   * @param code its classification
   * @param message for developers; never a secret
   * @param cause the underlying failure
   */
  public MyStaffException(ErrorCode code, String message, Throwable cause) {
    super(requireNonNull(message, "message"), requireNonNull(cause, "cause"));
    this.code = requireNonNull(code, "code");
  }

  /** {@return the machine-readable classification of this failure} */
  public final ErrorCode code() {
    return code;
  }
}
