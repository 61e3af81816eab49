package io.mystaff.core;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.UserId;
import java.util.Optional;

/**
 * What a password reset produced. In every case the user must change the password at next sign-in.
 * {@code correlationId} is the one the reset's audit events carry.
 */
public sealed interface PasswordResetResult
    permits PasswordResetResult.TemporaryPassword,
        PasswordResetResult.PasswordSet,
        PasswordResetResult.WritebackPending,
        PasswordResetResult.Delivered {

  /** The user whose password was reset. */
  UserId user();

  /** The correlation id of the reset's audit events. */
  CorrelationId correlationId();

  /**
   * How the generated temporary password reached the user: {@link DeliveryMode#SHOW_ONCE} for a
   * {@link TemporaryPassword}, the mode of a {@link Delivered}; empty for a password the manager
   * chose.
   *
   * @return the delivery mode, if the password was generated
   * @since 0.2.0
   */
  default Optional<DeliveryMode> deliveryMode() {
    if (this instanceof Delivered delivered) {
      return Optional.of(delivered.mode());
    }
    return this instanceof TemporaryPassword
        ? Optional.of(DeliveryMode.SHOW_ONCE)
        : Optional.empty();
  }

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

  /**
   * A cloud-only user's password was replaced by a generated temporary one that went, whole or in
   * part, to the user's registered channel ({@link DeliveryMode#SEND_TO_USER} or {@link
   * DeliveryMode#SPLIT}). It never holds the part that was sent.
   *
   * @param user the user whose password was reset
   * @param correlationId the correlation id of the reset's audit events
   * @param mode how the password was delivered, one that sends to the user
   * @param channel where the sent part went, masked as the delivery described it (e.g. {@code
   *     mobile ending 67})
   * @param managerPart for {@link DeliveryMode#SPLIT}, the first part, which the manager reveals
   *     once and tells the user; empty for {@link DeliveryMode#SEND_TO_USER}
   * @since 0.2.0
   */
  record Delivered(
      UserId user,
      CorrelationId correlationId,
      DeliveryMode mode,
      String channel,
      Optional<OneTimeSecret> managerPart)
      implements PasswordResetResult {
    /** Checks that the manager holds a part exactly when the mode is {@code SPLIT}. */
    public Delivered {
      requireNonNull(user, "user");
      requireNonNull(correlationId, "correlationId");
      requireNonNull(mode, "mode");
      requireNonNull(channel, "channel");
      requireNonNull(managerPart, "managerPart");
      if (!mode.sendsToUser()) {
        throw new IllegalArgumentException("a delivered reset was sent to the user");
      }
      if (managerPart.isPresent() != (mode == DeliveryMode.SPLIT)) {
        throw new IllegalArgumentException("only a split delivery leaves the manager a part");
      }
    }
  }
}
