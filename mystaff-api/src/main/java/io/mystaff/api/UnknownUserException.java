package io.mystaff.api;

/**
 * The directory has no user with the given id.
 *
 * @since 0.1.0
 */
public final class UnknownUserException extends MyStaffException {
  private static final long serialVersionUID = 1L;

  private final UserId userId;

  /**
   * Creates the exception.
   *
   * @param userId the id no user has
   */
  public UnknownUserException(UserId userId) {
    super(
        ErrorCode.UNKNOWN_USER,
        "No user with id " + java.util.Objects.requireNonNull(userId, "userId"));
    this.userId = userId;
  }

  /** {@return the id no user has} */
  public UserId userId() {
    return userId;
  }
}
