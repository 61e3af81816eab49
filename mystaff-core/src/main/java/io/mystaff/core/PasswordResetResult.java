package io.mystaff.core;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.UserId;

/**
 * What a password reset produced. In every case the user must change the password at next sign-in.
 * {@code correlationId} is the one the reset's audit events carry.
 */
public sealed interface PasswordResetResult
    permits PasswordResetResult.TemporaryPassword,
        PasswordResetResult.PasswordSet,
        PasswordResetResult.WritebackPending {

  /** The user whose password was reset. */
  UserId user();

  /** The correlation id of the reset's audit events. */
  CorrelationId correlationId();

  /**
   * A cloud-only user's password was replaced by a generated temporary one, which the manager shows
   * the user once.
   */
  record TemporaryPassword(UserId user, CorrelationId correlationId, OneTimeSecret password)
      implements PasswordResetResult {
    public TemporaryPassword {
      requireNonNull(user, "user");
      requireNonNull(correlationId, "correlationId");
      requireNonNull(password, "password");
    }
  }

  /**
   * A cloud-only user's password was set to the one the manager chose (when the settings allow it);
   * there is nothing to reveal.
   */
  record PasswordSet(UserId user, CorrelationId correlationId) implements PasswordResetResult {
    public PasswordSet {
      requireNonNull(user, "user");
      requireNonNull(correlationId, "correlationId");
    }
  }

  /**
   * A synced user's new password passed the on-premises policy and was submitted for writeback;
   * {@code writeback} follows it to its end.
   */
  record WritebackPending(UserId user, CorrelationId correlationId, WritebackHandle writeback)
      implements PasswordResetResult {
    public WritebackPending {
      requireNonNull(user, "user");
      requireNonNull(correlationId, "correlationId");
      requireNonNull(writeback, "writeback");
    }
  }
}
