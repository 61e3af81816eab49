package io.mystaff.api;

import static java.util.Objects.requireNonNull;

/**
 * The unchecked root of every exception mystaff throws on purpose. Each instance carries an
 * {@link ErrorCode}; messages are written for developers and never contain a secret.
 */
public class MyStaffException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;

  public MyStaffException(ErrorCode code, String message) {
    super(requireNonNull(message, "message"));
    this.code = requireNonNull(code, "code");
  }

  public MyStaffException(ErrorCode code, String message, Throwable cause) {
    super(requireNonNull(message, "message"), requireNonNull(cause, "cause"));
    this.code = requireNonNull(code, "code");
  }

  /** The machine-readable classification of this failure. */
  public final ErrorCode code() {
    return code;
  }
}
