package io.mystaff.core;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.UserId;

/**
 * The outcome of {@link StaffSession#unlockAccount}: the synced user's on-premises account is
 * unlocked (or was not locked), so the user can sign in with their current password again.
 *
 * @param user the user whose account was unlocked
 * @param correlationId the id the unlock's audit event carries
 * @since 0.2.0
 */
public record AccountUnlock(UserId user, CorrelationId correlationId) {
  /** Rejects a missing component. */
  public AccountUnlock {
    requireNonNull(user, "user");
    requireNonNull(correlationId, "correlationId");
  }
}
