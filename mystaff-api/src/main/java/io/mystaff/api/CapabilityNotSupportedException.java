package io.mystaff.api;

/**
 * The operation needs a provider capability that is not configured (e.g. password writeback).
 *
 * @since 0.1.0
 */
public final class CapabilityNotSupportedException extends MyStaffException {
  private static final long serialVersionUID = 1L;

  private final String capability;

  /**
   * Creates the exception, with code {@link ErrorCode#CAPABILITY_NOT_SUPPORTED}.
   *
   * @param capability the missing capability, e.g. {@code "password writeback"}
   * @param message what the host can do instead
   */
  public CapabilityNotSupportedException(String capability, String message) {
    super(ErrorCode.CAPABILITY_NOT_SUPPORTED, java.util.Objects.requireNonNull(message, "message"));
    this.capability = java.util.Objects.requireNonNull(capability, "capability");
  }

  /** {@return the missing capability, e.g. {@code "password writeback"}} */
  public String capability() {
    return capability;
  }
}
