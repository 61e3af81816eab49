package io.mystaff.api;

/** The directory has no user with the given id. */
public final class UnknownUserException extends MyStaffException {
  private static final long serialVersionUID = 1L;

  private final UserId userId;

  public UnknownUserException(UserId userId) {
    super(ErrorCode.UNKNOWN_USER, "No user with id " + java.util.Objects.requireNonNull(userId, "userId"));
    this.userId = userId;
  }

  public UserId userId() {
    return userId;
  }
}
