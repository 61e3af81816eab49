package io.mystaff.core;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.ProviderFailureException;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditOutcome;
import io.mystaff.api.authz.Decision;
import io.mystaff.api.authz.StaffAction;
import io.mystaff.api.directory.User;
import io.mystaff.api.password.PasswordCheck;
import io.mystaff.api.password.PasswordHistory;
import io.mystaff.api.password.PasswordRejectedException;
import io.mystaff.api.password.Secret;
import io.mystaff.api.password.WritebackFailure;
import io.mystaff.api.password.WritebackResult;
import io.mystaff.spi.PasswordWriteback;
import io.mystaff.spi.UserNotification;
import io.mystaff.spi.WritebackJournal;
import io.mystaff.spi.WritebackPrecondition;
import io.mystaff.spi.WritebackRequest;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resets a synced user's password: authorize, check the manager's password synchronously against
 * the on-premises policy and the user's on-premises history, record the PENDING event, then submit
 * it to the writeback and record the final SUCCEEDED or FAILED event (same correlation id) when it
 * completes. If the PENDING event cannot be recorded nothing is submitted.
 *
 * <p>The decision is made again from fresh facts just before submitting and, through the request's
 * {@link WritebackPrecondition}, by the writeback just before it applies the password: if the
 * manager may no longer reset the user then (the user became a protected administrator, left the
 * manager's scope, or the manager's role ended), the writeback ends FAILED with {@link
 * WritebackFailure#AUTHORIZATION_REVOKED} and its final event says so.
 */
final class WritebackReset {
  private static final Logger LOG = LoggerFactory.getLogger(WritebackReset.class);
  private static final AuditActivity ACTIVITY = AuditActivity.RESET_PASSWORD;

  /** The user attribute holding Entra's password policies ({@code passwordPolicies}). */
  static final String PASSWORD_POLICIES = "passwordPolicies";

  /** The password policy that makes a password never expire. */
  static final String DISABLE_PASSWORD_EXPIRATION = "DisablePasswordExpiration";

  private final Workflow workflow;
  private final PasswordWriteback writeback;

  WritebackReset(Workflow workflow, PasswordWriteback writeback) {
    this.workflow = requireNonNull(workflow, "workflow");
    this.writeback = requireNonNull(writeback, "writeback");
  }

  /**
   * @return the pending result, whose handle reports the writeback's progress
   * @throws io.mystaff.api.authz.AccessDeniedException if the manager may not reset the user
   * @throws PasswordRejectedException if the password fails the on-premises policy
   * @throws ProviderFailureException if the writeback, the policy or the audit sink failed
   */
  PasswordResetResult start(User target, Secret chosen, Attempt attempt) {
    Configuration config = workflow.config();
    Workflow.Facts facts = workflow.facts(attempt, ACTIVITY, target);
    Workflow.Verdict verdict;
    try {
      verdict = judge(facts, target, chosen);
    } catch (RuntimeException e) {
      throw workflow.fail(
          attempt,
          ACTIVITY,
          target,
          AuditTrail.PROVIDER_FAILURE,
          Map.of(),
          "password writeback",
          e);
    }
    Decision.Permit permit = workflow.enforce(attempt, ACTIVITY, target, verdict);

    AuditEvent pending =
        AuditTrail.granted(
                attempt
                    .event(ACTIVITY, AuditOutcome.PENDING)
                    .resultReason(AuditTrail.WRITEBACK_SUBMITTED),
                permit)
            .target(Attempt.target(target, List.of()))
            .build();
    config.trail().record(pending);

    Secret copy = copyOf(chosen); // the caller may destroy theirs as soon as we return
    WritebackHandle handle = new WritebackHandle(target.id(), attempt.correlationId());
    Duration deadline = config.settings().writebackDeadline();
    long expiresAt = System.nanoTime() + deadline.toNanos();
    WritebackPrecondition precondition =
        () ->
            System.nanoTime() - expiresAt < 0
                && workflow.stillPermits(StaffAction.RESET_PASSWORD, target.id());
    Finisher finisher = new Finisher(target, attempt, permit, handle, copy);
    config.trail().observers().writebackStarted(attempt.correlationId()); // ended by the finisher
    if (!precondition.holds()) { // decided again just before submitting: facts may have changed
      finisher.finish(WritebackResult.failed(WritebackFailure.AUTHORIZATION_REVOKED));
      return new PasswordResetResult.WritebackPending(target.id(), attempt.correlationId(), handle);
    }
    AuditEvent ifAbandoned =
        attempt
            .event(ACTIVITY, AuditOutcome.FAILED)
            .resultReason(AuditTrail.writebackFailure(WritebackFailure.UNKNOWN))
            .target(Attempt.target(target, List.of()))
            .build();
    try {
      config.journal().submitted(pending, ifAbandoned, deadline);
    } catch (RuntimeException e) { // perhaps journaled after all (a lost commit reply)
      finisher.endUnjournaled(ifAbandoned);
      throw providerFailure(e);
    }
    finisher.journaled();
    CompletionStage<WritebackResult> stage;
    try {
      stage =
          writeback.submit(
              new WritebackRequest(
                  attempt.correlationId(),
                  target.id(),
                  target.onPremisesSamAccountName(),
                  copy,
                  forceChangeNextSignIn(target),
                  precondition),
              status -> {
                handle.advance(status);
                try {
                  config.journal().progressed(attempt.correlationId(), status);
                } catch (RuntimeException e) { // progress is journaled best effort
                }
              });
      requireNonNull(stage, "the writeback returned no completion stage");
    } catch (RuntimeException e) {
      finisher.finish(WritebackResult.failed(WritebackFailure.UNKNOWN));
      throw providerFailure(e);
    }
    CompletableFuture<WritebackResult> bounded = new CompletableFuture<>();
    stage.whenComplete(
        (result, error) ->
            bounded.complete(
                error == null && result != null
                    ? result
                    : WritebackResult.failed(WritebackFailure.UNKNOWN)));
    // The finisher records every outcome itself (journal, audit, handle); nothing waits on the
    // stage that thenAccept returns.
    CompletableFuture<Void> unused =
        bounded
            .completeOnTimeout(
                WritebackResult.failed(WritebackFailure.UNREACHABLE),
                deadline.toNanos(),
                TimeUnit.NANOSECONDS)
            .thenAccept(finisher::finish);
    return new PasswordResetResult.WritebackPending(target.id(), attempt.correlationId(), handle);
  }

  private static RuntimeException providerFailure(RuntimeException e) {
    return e instanceof ProviderFailureException
        ? e
        : new ProviderFailureException("password writeback", "could not submit the writeback", e);
  }

  /**
   * Entra's rule: after an administrator's reset the user must choose a new password at next
   * sign-in, unless their password never expires ({@code passwordPolicies} holds {@code
   * DisablePasswordExpiration}), in which case the flag is not set.
   */
  static boolean forceChangeNextSignIn(User target) {
    return target
        .attribute(PASSWORD_POLICIES)
        .map(
            p ->
                !p.toLowerCase(Locale.ROOT)
                    .contains(DISABLE_PASSWORD_EXPIRATION.toLowerCase(Locale.ROOT)))
        .orElse(true);
  }

  /**
   * The decision on resetting {@code target} to {@code chosen} and, once permitted, the refusal of
   * {@link #rules}: shared by {@link #start} and the preview; records nothing.
   *
   * @throws RuntimeException if the writeback's history or the policy failed
   */
  Workflow.Verdict judge(Workflow.Facts facts, User target, Secret chosen) {
    return workflow.judge(facts, StaffAction.RESET_PASSWORD, target, t -> rules(t, chosen));
  }

  /**
   * Why a permitted reset cannot go ahead: the writeback knows the on-premises side is down (asking
   * it counts as reaching it: a writeback that throws is down), or the synchronous on-premises
   * check (the manager-chosen length floor, the policy, the user's on-premises history) rejects the
   * password.
   *
   * @throws RuntimeException if the writeback's history or the policy failed
   */
  private Optional<UserChange.Refusal> rules(User target, Secret chosen) {
    boolean available;
    try {
      available = writeback.isAvailable();
    } catch (RuntimeException e) {
      available = false;
    }
    if (!available) {
      return Optional.of(
          new UserChange.Refusal(
              AuditTrail.writebackFailure(WritebackFailure.UNREACHABLE),
              new ProviderFailureException(
                  "password writeback",
                  "the on-premises directory is unreachable; nothing was submitted, try again"
                      + " later")));
    }
    PasswordHistory history = writeback.historyOf(target.id());
    PasswordCheck check =
        PasswordResetCommand.check(
            chosen,
            workflow.config().onPremisesPolicy(),
            PasswordResetCommand.contextOf(target, history),
            workflow.config().settings().minimumManagerChosenPasswordLength());
    return check.isAccepted()
        ? Optional.empty()
        : Optional.of(
            UserChange.Refusal.passwordRejected(new PasswordRejectedException(check.violations())));
  }

  /** How far the journal got with a writeback, which decides who stores its final event. */
  private enum Journaling {
    /** Not submitted to the journal: nothing but this node can end it. */
    NONE,
    /** The journal refused or lost the submission: it may hold the writeback or not. */
    UNKNOWN,
    /** Journaled: the journal ends it, by {@code finished} or by another node's takeover. */
    JOURNALED
  }

  /**
   * Ends one writeback exactly once, whichever comes first: the writeback's outcome, the deadline,
   * or a failure to submit. Stores the final event durably, then lets the handle (and whoever waits
   * on it) know.
   *
   * <p>Who stores the final event follows the journal, so that every attempt has exactly one: a
   * journaled writeback is ended by the journal ({@link WritebackJournal#finished}), and if the
   * journal cannot record the end this node stores nothing, because the journal ends the writeback
   * itself (with this event if its end committed after all, else with the {@code ifAbandoned} event
   * after the lease). A writeback the journal may or may not hold (its submission failed) ends with
   * that very {@code ifAbandoned} event, so this node and a takeover can only store the same event
   * (same id), which the outbox and the sinks keep once.
   */
  private final class Finisher {
    private final User target;
    private final Attempt attempt;
    private final Decision.Permit permit;
    private final WritebackHandle handle;
    private final Secret copy;
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile Journaling journaling = Journaling.NONE;

    Finisher(
        User target, Attempt attempt, Decision.Permit permit, WritebackHandle handle, Secret copy) {
      this.target = target;
      this.attempt = attempt;
      this.permit = permit;
      this.handle = handle;
      this.copy = copy;
    }

    /** The journal holds the writeback from now on. */
    void journaled() {
      journaling = Journaling.JOURNALED;
    }

    /** Ends a writeback whose submission to the journal failed, with its prepared event. */
    void endUnjournaled(AuditEvent ifAbandoned) {
      journaling = Journaling.UNKNOWN;
      end(WritebackResult.failed(WritebackFailure.UNKNOWN), ifAbandoned);
    }

    void finish(WritebackResult result) {
      AuditEvent.Builder event =
          result.isSuccess()
              ? workflow
                  .succeeded(attempt, ACTIVITY, permit)
                  .target(Attempt.target(target, CloudPasswordReset.CHANGES))
              : attempt
                  .event(ACTIVITY, AuditOutcome.FAILED)
                  .resultReason(
                      AuditTrail.writebackFailure(
                          result.failure().orElse(WritebackFailure.UNKNOWN)))
                  .target(Attempt.target(target, List.of()));
      end(result, event.build());
    }

    private void end(WritebackResult result, AuditEvent last) {
      if (!finished.compareAndSet(false, true)) {
        return;
      }
      copy.destroy();
      Call call = Call.resume(attempt.correlationId(), attempt.startedNanos());
      try {
        if (storesFinalEvent(last)) {
          workflow.config().trail().commitFinal(last, attempt.startedNanos());
        } else { // the journal ends it, with its one final event
          workflow.config().trail().observers().ended(last, attempt.startedNanos());
        }
        if (result.isSuccess()) { // queued before the handle completes; never throws
          workflow.notifyUser(
              UserNotification.passwordReset(
                  target.id(),
                  attempt.correlationId(),
                  workflow.config().clock().instant(),
                  workflow.manager().id()));
        }
      } finally {
        workflow.config().trail().observers().writebackEnded(attempt.correlationId());
        handle.finish(result);
        call.close();
      }
    }

    /** Whether this node stores {@code last} as the attempt's final event. */
    private boolean storesFinalEvent(AuditEvent last) {
      if (journaling == Journaling.NONE) {
        return true;
      }
      try {
        return workflow.config().journal().finished(last);
      } catch (RuntimeException e) {
        if (journaling == Journaling.UNKNOWN) {
          return true; // the ifAbandoned event: a takeover could only store this same event
        }
        LOG.warn(
            "The writeback journal could not record the end of writeback {}; it ends the writeback"
                + " itself, after the lease at the latest",
            attempt.correlationId(),
            e);
        return false;
      }
    }
  }

  private static Secret copyOf(Secret secret) {
    char[] chars = secret.toCharArray();
    try {
      return Secret.of(chars);
    } finally {
      Arrays.fill(chars, '\0');
    }
  }
}
