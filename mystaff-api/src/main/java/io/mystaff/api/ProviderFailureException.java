package io.mystaff.api;

/**
 * A provider (directory, writeback, audit sink, conditional access) failed. The operation that
 * needed it did not take effect. Providers throw this (or let core wrap their own exceptions in it).
 */
public final class ProviderFailureException extends MyStaffException {
  private static final long serialVersionUID = 1L;

  private final String provider;

  public ProviderFailureException(String provider, String message) {
    super(ErrorCode.PROVIDER_FAILURE, java.util.Objects.requireNonNull(provider, "provider") + ": " + java.util.Objects.requireNonNull(message, "message"));
    this.provider = provider;
  }

  public ProviderFailureException(String provider, String message, Throwable cause) {
    super(ErrorCode.PROVIDER_FAILURE, java.util.Objects.requireNonNull(provider, "provider") + ": " + java.util.Objects.requireNonNull(message, "message"),
        java.util.Objects.requireNonNull(cause, "cause"));
    this.provider = provider;
  }

  /** Which provider failed, e.g. {@code "audit sink"} or {@code "directory"}. */
  public String provider() {
    return provider;
  }
}
