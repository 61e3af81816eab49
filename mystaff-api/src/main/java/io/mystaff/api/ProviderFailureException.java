package io.mystaff.api;

/**
 * A provider (directory, writeback, audit sink, conditional access) failed. The operation that
 * needed it did not take effect. Providers throw this (or let core wrap their own exceptions in
 * it).
 *
 * @since 0.1.0
 */
public final class ProviderFailureException extends MyStaffException {
  private static final long serialVersionUID = 1L;

  private final String provider;

  /**
   * Creates the exception, with code {@link ErrorCode#PROVIDER_FAILURE}.
   *
   * @param provider which provider failed, e.g. {@code "directory"}
   * @param message what failed, never a secret
   */
  public ProviderFailureException(String provider, String message) {
    super(
        ErrorCode.PROVIDER_FAILURE,
        java.util.Objects.requireNonNull(provider, "provider")
            + ": "
            + java.util.Objects.requireNonNull(message, "message"));
    this.provider = provider;
  }

  /**
   * Creates the exception with the provider's own exception as cause.
   *
   * @param provider which provider failed, e.g. {@code "directory"}
   * @param message what failed, never a secret
   * @param cause the provider's exception
   */
  public ProviderFailureException(String provider, String message, Throwable cause) {
    super(
        ErrorCode.PROVIDER_FAILURE,
        java.util.Objects.requireNonNull(provider, "provider")
            + ": "
            + java.util.Objects.requireNonNull(message, "message"),
        java.util.Objects.requireNonNull(cause, "cause"));
    this.provider = provider;
  }

  /** {@return which provider failed, e.g. {@code "audit sink"} or {@code "directory"}} */
  public String provider() {
    return provider;
  }
}
