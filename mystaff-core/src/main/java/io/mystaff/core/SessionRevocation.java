package io.mystaff.core;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.UserId;
import java.time.Instant;

/**
 * The outcome of {@link StaffSession#revokeSessions}: every session and refresh token of the user
 * issued before {@link #validFrom()} no longer works, so the user must sign in again everywhere.
 *
 * @param user the user who was signed out
 * @param validFrom the instant from which the user's sessions are valid, as the directory stored it
 * @param correlationId the id the change's audit event carries
 * @since 0.2.0
 */
public record SessionRevocation(UserId user, Instant validFrom, CorrelationId correlationId) {
  /** Rejects a missing component. */
  public SessionRevocation {
    requireNonNull(user, "user");
    requireNonNull(validFrom, "validFrom");
    requireNonNull(correlationId, "correlationId");
  }
}
