package io.mystaff.spi;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.audit.AuditOutcome;
import java.time.Duration;
import java.util.Optional;

/**
 * What a {@link MyStaffListener} learns of one ended attempt: never a secret, a phone number or a
 * user's name.
 *
 * @param activity what was attempted, as audited
 * @param outcome SUCCEEDED, DENIED or FAILED (never PENDING)
 * @param reason the audit event's reason code ({@code TARGET_PROTECTED}, {@code PROVIDER_FAILURE},
 *     ...), empty on success
 * @param duration from the start of the call to the outcome (to the writeback's end for a synced
 *     reset), measured on the monotonic clock ({@link System#nanoTime()})
 * @param correlationId the attempt's correlation id, as in its audit events and the MDC
 * @since 0.1.0
 */
public record AttemptObservation(
    AuditActivity activity,
    AuditOutcome outcome,
    Optional<String> reason,
    Duration duration,
    CorrelationId correlationId) {
  /**
   * Checks that every part is present.
   *
   * @param activity what was attempted, as audited
   * @param outcome SUCCEEDED, DENIED or FAILED
   * @param reason the audit event's reason code, empty on success
   * @param duration from the start of the call to the outcome
   * @param correlationId the attempt's correlation id
   */
  public AttemptObservation {
    requireNonNull(activity, "activity");
    requireNonNull(outcome, "outcome");
    requireNonNull(reason, "reason");
    requireNonNull(duration, "duration");
    requireNonNull(correlationId, "correlationId");
  }
}
