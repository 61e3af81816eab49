package io.mystaff.inmemory;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.UserId;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditInitiator;
import io.mystaff.api.audit.AuditOutcome;
import io.mystaff.api.audit.AuditTarget;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Audit events for tests. */
final class AuditEvents {
  static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");

  private AuditEvents() {}

  static AuditEvent event(
      String id,
      AuditActivity activity,
      String correlation,
      String initiator,
      String target,
      Instant at) {
    return AuditEvent.builder()
        .id(id)
        .activityDateTime(at)
        .activity(activity)
        .outcome(AuditOutcome.SUCCEEDED)
        .correlationId(CorrelationId.of(correlation))
        .initiatedBy(new AuditInitiator(UserId.of(initiator), Optional.empty(), Optional.empty()))
        .target(new AuditTarget(target, "User", Optional.empty(), Optional.empty(), List.of()))
        .additionalDetail(AuditEvent.ORIGIN_KEY, AuditEvent.ORIGIN_MY_STAFF)
        .build();
  }

  /** A phone-update event by {@code initiator} on {@code target}, with a fresh correlation. */
  static AuditEvent phoneEvent(String id, String initiator, String target) {
    return event(id, AuditActivity.UPDATE_PHONE, "c-" + id, initiator, target, T0);
  }
}
