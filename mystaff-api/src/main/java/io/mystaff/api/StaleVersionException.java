package io.mystaff.api;

/**
 * A compare-and-set write found a newer version than the caller had read: another write won the
 * race and nothing was changed by this one. Re-read the user and decide again.
 */
public final class StaleVersionException extends MyStaffException {
  private static final long serialVersionUID = 1L;

  private final UserId userId;
  private final long expectedVersion;
  private final long actualVersion;

  public StaleVersionException(UserId userId, long expectedVersion, long actualVersion) {
    super(
        ErrorCode.STALE_VERSION,
        "User " + java.util.Objects.requireNonNull(userId, "userId") + " is at version " + actualVersion + ", not " + expectedVersion);
    this.userId = userId;
    this.expectedVersion = expectedVersion;
    this.actualVersion = actualVersion;
  }

  public UserId userId() {
    return userId;
  }

  public long expectedVersion() {
    return expectedVersion;
  }

  public long actualVersion() {
    return actualVersion;
  }
}
