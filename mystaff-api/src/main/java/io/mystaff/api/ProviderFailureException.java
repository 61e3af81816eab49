package io.mystaff.api;

import static java.util.Objects.requireNonNull;

/**
 * A provider (directory, writeback, audit sink, conditional access) failed. The operation that
 * needed it did not take effect, unless {@link #isOutcomeUnknown()}: then the provider lost the
 * answer to a write it had sent (typically the reply to a database COMMIT) and could not learn
 * whether the write took effect, so it may have; read the data again before repeating the
 * operation. Providers throw this (or let core wrap their own exceptions in it).
 *
 * @since 0.1.0
 */
public final class ProviderFailureException extends MyStaffException {
  private static final long serialVersionUID = 1L;

  private final String provider;
  private final boolean outcomeUnknown;

  /**
   * Creates the exception, with code {@link ErrorCode#PROVIDER_FAILURE}.
   *
   * @param provider which provider failed, e.g. {@code "directory"}
   * @param message what failed, never a secret
   */
  public ProviderFailureException(String provider, String message) {
    super(ErrorCode.PROVIDER_FAILURE, message(provider, message));
    this.provider = provider;
    this.outcomeUnknown = false;
  }

  /**
   * Creates the exception with the provider's own exception as cause.
   *
   * @param provider which provider failed, e.g. {@code "directory"}
   * @param message what failed, never a secret
   * @param cause the provider's exception
   */
  public ProviderFailureException(String provider, String message, Throwable cause) {
    this(provider, message, cause, false);
  }

  private ProviderFailureException(
      String provider, String message, Throwable cause, boolean outcomeUnknown) {
    super(ErrorCode.PROVIDER_FAILURE, message(provider, message), requireNonNull(cause, "cause"));
    this.provider = provider;
    this.outcomeUnknown = outcomeUnknown;
  }

  /**
   * A provider lost the answer to a write it had sent and could not learn whether the write took
   * effect: it may have. Core records no FAILED event for such a write (if it took effect, its own
   * SUCCEEDED event committed with it).
   *
   * @param provider which provider failed, e.g. {@code "postgres"}
   * @param message what was written and what is unknown, never a secret
   * @param cause the provider's exception
   * @return the exception, {@link #isOutcomeUnknown()} true
   * @since 0.1.0
   */
  public static ProviderFailureException outcomeUnknown(
      String provider, String message, Throwable cause) {
    return new ProviderFailureException(provider, message, cause, true);
  }

  /** {@return which provider failed, e.g. {@code "audit sink"} or {@code "directory"}} */
  public String provider() {
    return provider;
  }

  /**
   * {@return true if the failed operation may have taken effect (see {@link #outcomeUnknown}),
   * false if it did not}
   */
  public boolean isOutcomeUnknown() {
    return outcomeUnknown;
  }

  private static String message(String provider, String message) {
    return requireNonNull(provider, "provider") + ": " + requireNonNull(message, "message");
  }
}
