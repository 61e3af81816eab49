package io.mystaff.api;

import static java.util.Objects.requireNonNull;

/**
 * A fact that an authorization decision rested on changed before the change it permitted could be
 * written: the manager's or the target's role assignments, the target's units or a unit's
 * restricted-management flag, the manager's account, or the role catalog. Nothing was changed;
 * decide again with fresh facts. Its {@link #code()} is {@link ErrorCode#STALE_VERSION}, like a
 * compare-and-set conflict, because the remedy is the same: re-read and retry.
 *
 * @since 0.1.0
 */
public final class StaleFactsException extends MyStaffException {
  private static final long serialVersionUID = 1L;

  private final UserId userId;

  /**
   * @param userId the user the change was for
   * @param what which facts changed, in words for developers (never user data)
   */
  public StaleFactsException(UserId userId, String what) {
    super(
        ErrorCode.STALE_VERSION,
        "The facts the decision about user "
            + requireNonNull(userId, "userId")
            + " rested on changed before it was written: "
            + requireNonNull(what, "what"));
    this.userId = userId;
  }

  /** {@return the user the change was for} */
  public UserId userId() {
    return userId;
  }
}
