package io.mystaff.api;

/**
 * Machine-readable classification of every {@link MyStaffException}. A host branches on this code
 * (and renders its own message), never on exception message text.
 *
 * @since 0.1.0
 */
public enum ErrorCode {
  /** A command or value was malformed; nothing was changed. */
  INVALID_INPUT,
  /** The referenced user does not exist in the directory. */
  UNKNOWN_USER,
  /** The referenced administrative unit does not exist in the directory. */
  UNKNOWN_UNIT,
  /** The signed-in manager may not perform the action on the target. */
  ACCESS_DENIED,
  /** The manager may not open My Staff at all (feature off, no admin role, conditional access). */
  SIGN_IN_REFUSED,
  /** A versioned write lost a race with a concurrent write; re-read and retry. */
  STALE_VERSION,
  /** A password does not satisfy the applicable password policy. */
  PASSWORD_REJECTED,
  /**
   * The operation needs a capability that no configured provider offers (e.g. password writeback).
   */
  CAPABILITY_NOT_SUPPORTED,
  /**
   * A provider (directory, writeback, audit sink, ...) failed; the operation did not take effect.
   */
  PROVIDER_FAILURE,
  /**
   * The user has no phone method of the type the request names (Graph's 404); nothing was changed.
   */
  PHONE_METHOD_NOT_FOUND,
  /**
   * The change was not made: the host's approval policy requires another manager's approval, and an
   * approval request was created instead.
   *
   * @since 0.2.0
   */
  APPROVAL_REQUIRED,
  /**
   * The approval request is no longer pending (approved, rejected, expired or executed already);
   * nothing was changed.
   *
   * @since 0.2.0
   */
  APPROVAL_CLOSED,
  /**
   * The action applies only to accounts synced from an on-premises directory and the user's is
   * cloud-only (e.g. unlocking the on-premises account); nothing was changed or recorded.
   *
   * @since 0.2.0
   */
  ACCOUNT_NOT_SYNCED
}
