package io.mystaff.testkit.contract;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.UserId;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditInitiator;
import io.mystaff.api.audit.AuditOutcome;
import io.mystaff.api.audit.AuditTarget;
import io.mystaff.api.audit.ModifiedProperty;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Audit events as core makes them, for the suites that store events. */
final class ContractEvents {
  static final Instant AT = Instant.parse("2025-01-01T09:00:00Z");

  private ContractEvents() {}

  /** A succeeded phone change of {@code target} by a manager, with id {@code id}. */
  static AuditEvent phoneChange(String id, UserId target) {
    return event(
        id,
        target,
        AuditActivity.UPDATE_PHONE,
        AuditOutcome.SUCCEEDED,
        AT,
        List.of(
            ModifiedProperty.of(
                "mobilePhone", Optional.of("+14255550100"), Optional.of("+14255550199"))));
  }

  /** A succeeded password reset of {@code target}, naming only the changed properties. */
  static AuditEvent passwordReset(String id, UserId target) {
    return event(
        id,
        target,
        AuditActivity.RESET_PASSWORD,
        AuditOutcome.SUCCEEDED,
        AT,
        List.of(
            ModifiedProperty.of("PasswordProfile", Optional.empty(), Optional.empty()),
            ModifiedProperty.of(
                "forceChangePasswordNextSignIn", Optional.empty(), Optional.of("true"))));
  }

  static AuditEvent event(
      String id,
      UserId target,
      AuditActivity activity,
      AuditOutcome outcome,
      Instant at,
      List<ModifiedProperty> modified) {
    AuditEvent.Builder b =
        AuditEvent.builder()
            .id(id)
            .activityDateTime(at)
            .activity(activity)
            .outcome(outcome)
            .correlationId(CorrelationId.of("corr-" + id))
            .initiatedBy(
                new AuditInitiator(
                    UserId.of("mgr"), Optional.of("mgr@contoso.com"), Optional.of("203.0.113.7")))
            .target(
                new AuditTarget(
                    target.value(),
                    "User",
                    Optional.of("Target " + target.value()),
                    Optional.of(target.value() + "@contoso.com"),
                    modified))
            .additionalDetail(AuditEvent.ORIGIN_KEY, AuditEvent.ORIGIN_MY_STAFF);
    if (outcome != AuditOutcome.SUCCEEDED) {
      b.resultReason("CONTRACT_TEST");
    }
    return b.build();
  }

  static List<String> ids(List<AuditEvent> events) {
    return events.stream().map(AuditEvent::id).toList();
  }
}
