package io.mystaff.api;

/** The operation needs a provider capability that is not configured (e.g. password writeback). */
public final class CapabilityNotSupportedException extends MyStaffException {
  private static final long serialVersionUID = 1L;

  private final String capability;

  public CapabilityNotSupportedException(String capability, String message) {
    super(ErrorCode.CAPABILITY_NOT_SUPPORTED, java.util.Objects.requireNonNull(message, "message"));
    this.capability = java.util.Objects.requireNonNull(capability, "capability");
  }

  /** The missing capability, e.g. {@code "password writeback"}. */
  public String capability() {
    return capability;
  }
}
