package io.mystaff.core;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.ProviderFailureException;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.authz.Decision;
import io.mystaff.api.authz.StaffAction;
import io.mystaff.api.directory.User;
import io.mystaff.api.password.WritebackFailure;
import io.mystaff.api.password.WritebackResult;
import io.mystaff.spi.AccountUnlocker;
import java.util.List;
import java.util.Map;

/**
 * Unlocks a synced user's on-premises account through the writeback's {@link AccountUnlocker}:
 * decide, then unlock with the decision re-checked just before ({@link Workflow#stillPermits}),
 * then one terminal event. The unlock is a change made elsewhere, so its SUCCEEDED event is stored
 * like a writeback's final event ({@link AuditTrail#commitFinal}); a failed unlock ends FAILED with
 * {@code UNLOCK_} followed by the {@link WritebackFailure} name.
 */
final class OnPremisesUnlock {
  /** The provider name failures carry. */
  static final String PROVIDER = "account unlock";

  private final Workflow workflow;
  private final AccountUnlocker unlocker;

  OnPremisesUnlock(Workflow workflow, AccountUnlocker unlocker) {
    this.workflow = requireNonNull(workflow, "workflow");
    this.unlocker = requireNonNull(unlocker, "unlocker");
  }

  /** The FAILED event's reason for a failed unlock. */
  static String reason(WritebackFailure failure) {
    return "UNLOCK_" + failure.name();
  }

  AccountUnlock unlock(User target, Attempt attempt) {
    AuditActivity activity = AuditActivity.UNLOCK_ACCOUNT;
    Workflow.Facts facts = workflow.facts(attempt, activity, target);
    Decision.Permit permit =
        workflow.authorize(attempt, activity, StaffAction.UNLOCK_ACCOUNT, target, facts);
    WritebackResult result;
    try {
      result =
          unlocker.unlock(
              target.id(), () -> workflow.stillPermits(StaffAction.UNLOCK_ACCOUNT, target.id()));
    } catch (RuntimeException e) {
      throw workflow.fail(
          attempt, activity, target, AuditTrail.PROVIDER_FAILURE, Map.of(), PROVIDER, e);
    }
    if (!result.isSuccess()) {
      WritebackFailure failure = result.failure().orElseThrow();
      throw workflow.fail(
          attempt,
          activity,
          target,
          reason(failure),
          Map.of(),
          PROVIDER,
          new ProviderFailureException(PROVIDER, failure.message()));
    }
    AuditEvent event =
        workflow
            .succeeded(attempt, activity, permit)
            .target(Attempt.target(target, List.of()))
            .build();
    workflow.config().trail().commitFinal(event, attempt.startedNanos());
    return new AccountUnlock(target.id(), attempt.correlationId());
  }
}
