package io.mystaff.testkit.fakes;

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

/** Small audit events for the fakes' tests. */
final class Events {
  private Events() {}

  static AuditEvent event(String id, AuditActivity activity, AuditOutcome outcome, String target) {
    return AuditEvent.builder()
        .id(id)
        .activityDateTime(Instant.parse("2025-01-01T00:00:00Z"))
        .activity(activity)
        .outcome(outcome)
        .correlationId(CorrelationId.of("corr-" + id))
        .initiatedBy(new AuditInitiator(UserId.of("mgr"), Optional.empty(), Optional.empty()))
        .target(new AuditTarget(target, "User", Optional.empty(), Optional.empty(), List.of()))
        .additionalDetail(AuditEvent.ORIGIN_KEY, AuditEvent.ORIGIN_MY_STAFF)
        .build();
  }

  static AuditEvent event(String id) {
    return event(id, AuditActivity.RESET_PASSWORD, AuditOutcome.SUCCEEDED, "alice");
  }
}
