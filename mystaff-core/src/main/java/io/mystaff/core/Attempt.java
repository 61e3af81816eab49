package io.mystaff.core;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditInitiator;
import io.mystaff.api.audit.AuditOutcome;
import io.mystaff.api.audit.AuditTarget;
import io.mystaff.api.audit.ModifiedProperty;
import io.mystaff.api.directory.User;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One attempt by one person to do one thing: every audit event of the attempt carries its
 * correlation id and initiator, a fresh event id, the clock's time and the My Staff origin.
 */
record Attempt(
    CorrelationId correlationId,
    AuditInitiator initiator,
    Clock clock,
    long startedNanos,
    Map<String, String> details) {
  /** The type of every target mystaff records. */
  static final String USER_TARGET_TYPE = "User";

  Attempt {
    requireNonNull(correlationId, "correlationId");
    requireNonNull(initiator, "initiator");
    requireNonNull(clock, "clock");
    details = Map.copyOf(details);
  }

  /** An attempt without details of its own, started at {@code startedNanos}. */
  Attempt(CorrelationId correlationId, AuditInitiator initiator, Clock clock, long startedNanos) {
    this(correlationId, initiator, clock, startedNanos, Map.of());
  }

  /** An attempt that starts now (on the monotonic clock). */
  Attempt(CorrelationId correlationId, AuditInitiator initiator, Clock clock) {
    this(correlationId, initiator, clock, System.nanoTime());
  }

  /** This attempt with {@code details} added to every event it makes (e.g. a bulk call's batch). */
  Attempt withDetails(Map<String, String> more) {
    if (more.isEmpty()) {
      return this;
    }
    Map<String, String> all = new java.util.HashMap<>(details);
    all.putAll(more);
    return new Attempt(correlationId, initiator, clock, startedNanos, all);
  }

  /**
   * A new attempt: the first of a {@link Call} takes the call's correlation id and start, any other
   * a fresh correlation id.
   */
  static Attempt begin(AuditInitiator initiator, Clock clock) {
    Call.Start start = Call.attemptStart();
    return new Attempt(start.correlationId(), initiator, clock, start.startedNanos());
  }

  /** An event of this attempt, with everything set but its target, reason and further details. */
  AuditEvent.Builder event(AuditActivity activity, AuditOutcome outcome) {
    AuditEvent.Builder event =
        AuditEvent.builder()
            .id(UUID.randomUUID().toString())
            .activityDateTime(clock.instant())
            .activity(activity)
            .loggedByService(activity.loggedByService())
            .outcome(outcome)
            .correlationId(correlationId)
            .initiatedBy(initiator)
            .additionalDetail(AuditEvent.ORIGIN_KEY, AuditEvent.ORIGIN_MY_STAFF);
    details.forEach(event::additionalDetail);
    return event;
  }

  /** {@code user} as an event target, with the properties the change touched. */
  static AuditTarget target(User user, List<ModifiedProperty> changes) {
    return new AuditTarget(
        user.id().value(),
        USER_TARGET_TYPE,
        Optional.of(user.displayName()),
        Optional.of(user.userPrincipalName()),
        changes);
  }
}
