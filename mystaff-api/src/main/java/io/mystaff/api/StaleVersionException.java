package io.mystaff.api;

/**
 * A compare-and-set write found a newer version than the caller had read: another write won the
 * race and nothing was changed by this one. Re-read the user and decide again.
 *
 * @since 0.1.0
 */
public final class StaleVersionException extends MyStaffException {
  private static final long serialVersionUID = 1L;

  private final UserId userId;
  private final long expectedVersion;
  private final long actualVersion;

  /**
   * Creates the exception, with code {@link ErrorCode#STALE_VERSION}.
   *
   * @param userId the user written concurrently
   * @param expectedVersion the version the writer read
   * @param actualVersion the version the directory holds now
   */
  public StaleVersionException(UserId userId, long expectedVersion, long actualVersion) {
    super(
        ErrorCode.STALE_VERSION,
        "User "
            + java.util.Objects.requireNonNull(userId, "userId")
            + " is at version "
            + actualVersion
            + ", not "
            + expectedVersion);
    this.userId = userId;
    this.expectedVersion = expectedVersion;
    this.actualVersion = actualVersion;
  }

  /** {@return the user written concurrently} */
  public UserId userId() {
    return userId;
  }

  /** {@return the version the writer read} */
  public long expectedVersion() {
    return expectedVersion;
  }

  /** {@return the version the directory holds now} */
  public long actualVersion() {
    return actualVersion;
  }
}
