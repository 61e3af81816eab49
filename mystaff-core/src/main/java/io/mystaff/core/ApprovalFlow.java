package io.mystaff.core;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.ApprovalId;
import io.mystaff.api.CapabilityNotSupportedException;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.MyStaffException;
import io.mystaff.api.Page;
import io.mystaff.api.PageRequest;
import io.mystaff.api.ProviderFailureException;
import io.mystaff.api.UnknownUserException;
import io.mystaff.api.UserId;
import io.mystaff.api.approval.ApprovalClosedException;
import io.mystaff.api.approval.ApprovalRequest;
import io.mystaff.api.approval.ApprovalRequiredException;
import io.mystaff.api.approval.ApprovalState;
import io.mystaff.api.approval.RequestedChange;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditInitiator;
import io.mystaff.api.audit.AuditOutcome;
import io.mystaff.api.audit.AuditTarget;
import io.mystaff.api.authz.AccessDeniedException;
import io.mystaff.api.authz.Decision;
import io.mystaff.api.authz.DenyReason;
import io.mystaff.api.authz.StaffAction;
import io.mystaff.api.directory.User;
import io.mystaff.spi.ApprovalStore;
import io.mystaff.spi.UserNotification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Four eyes for one manager's session: turns a change the {@link ApprovalPolicy} covers into an
 * {@link ApprovalRequest}, and approves, rejects, lists and expires requests. Every step records an
 * event with the request's correlation id: {@code APPROVAL_REQUESTED} (PENDING) when it is stored,
 * one final event when it ends ({@code APPROVAL_REJECTED}, {@code APPROVAL_EXPIRED}, or {@code
 * APPROVAL_EXECUTED} after {@code APPROVAL_APPROVED} and the change's own event), and DENIED or
 * FAILED events for refused approvals and rejections. Immutable and thread-safe.
 */
final class ApprovalFlow {
  private static final Logger LOG = LoggerFactory.getLogger(ApprovalFlow.class);

  /** The reason of the PENDING request event. */
  static final String APPROVAL_REQUIRED = "APPROVAL_REQUIRED";

  /** A manager-chosen password cannot wait for approval: it would have to be stored. */
  static final String PASSWORD_NOT_HELD = "APPROVAL_PASSWORD_NOT_HELD";

  /** The request was no longer pending when a manager tried to decide it. */
  static final String APPROVAL_CLOSED = "APPROVAL_CLOSED";

  /** The prefix of the reason of an execution the requester is no longer allowed. */
  static final String REQUESTER_PREFIX = "REQUESTER_";

  /** The additional detail holding the request's id. */
  static final String APPROVAL_KEY = "approvalId";

  /** The additional detail holding the action a request is for. */
  static final String ACTION_KEY = "approvalAction";

  /** The additional detail holding when a request expires. */
  static final String EXPIRES_KEY = "approvalExpiresAt";

  /** The additional detail holding a rejection's reason, as the approver wrote it. */
  static final String REJECTION_KEY = "rejectionReason";

  private final Workflow workflow;
  private final Configuration config;

  ApprovalFlow(Workflow workflow) {
    this.workflow = requireNonNull(workflow, "workflow");
    this.config = workflow.config();
  }

  /**
   * Whether the policy holds {@code action} on {@code target} for approval, judged from facts read
   * now; false when nothing is covered or the engine or the change's own rules would refuse it
   * anyway (the change then refuses it the usual way). Records nothing.
   */
  boolean covers(
      Workflow.Facts facts,
      StaffAction action,
      User target,
      Function<User, Optional<UserChange.Refusal>> rules) {
    ApprovalPolicy policy = config.approvals().policy();
    if (policy.coversNothing() || !policy.actions().contains(action)) {
      return false;
    }
    Workflow.Verdict verdict = workflow.judge(facts, action, target, rules);
    return verdict.decision().isPermit()
        && verdict.refusal().isEmpty()
        && policy.requiresApproval(action, facts.target());
  }

  /**
   * Returns if the change of {@code target} is to be made now; else, when the policy covers it,
   * stores an approval request for {@code change} and throws. A change that cannot be held ({@code
   * change} empty: a manager-chosen password) ends FAILED ({@value #PASSWORD_NOT_HELD}).
   *
   * @throws ApprovalRequiredException after the PENDING event, once the request is stored
   * @throws InvalidInputException if the change holds a password (after one FAILED event)
   * @throws ProviderFailureException if the directory, the sink or the store failed
   */
  void requestIfCovered(
      Attempt attempt,
      AuditActivity activity,
      StaffAction action,
      User target,
      Function<User, Optional<UserChange.Refusal>> rules,
      Optional<RequestedChange> change) {
    if (config.approvals().policy().coversNothing()) {
      return;
    }
    Workflow.Facts facts = workflow.facts(attempt, activity, target);
    boolean covered;
    try {
      covered = covers(facts, action, target, rules);
    } catch (RuntimeException e) { // the change's own path reads, decides and reports again
      return;
    }
    if (!covered) {
      return;
    }
    if (change.isEmpty()) {
      throw workflow.fail(
          attempt,
          activity,
          target,
          PASSWORD_NOT_HELD,
          Map.of(),
          "approval policy",
          InvalidInputException.of(
              "password",
              "cannot wait for approval: mystaff never stores a password, and this change needs"
                  + " another manager's approval",
              "approval.passwordNotHeld"));
    }
    Decision.Permit permit = (Decision.Permit) facts.decide(action);
    ApprovalStore store = store();
    Instant now = config.clock().instant();
    ApprovalRequest request =
        ApprovalRequest.requested(
            ApprovalId.random(),
            attempt.correlationId(),
            workflow.manager().id(),
            target.id(),
            change.get(),
            now,
            now.plus(config.approvals().policy().timeToLive()));
    config
        .trail()
        .recordEnd(
            workflow
                .succeeded(attempt, AuditActivity.APPROVAL_REQUESTED, permit)
                .outcome(AuditOutcome.PENDING)
                .resultReason(APPROVAL_REQUIRED)
                .additionalDetail(APPROVAL_KEY, request.id().value())
                .additionalDetail(ACTION_KEY, action.name())
                .additionalDetail(EXPIRES_KEY, request.expiresAt().toString())
                .target(Attempt.target(target, List.of()))
                .build());
    try {
      store.create(request);
    } catch (RuntimeException e) {
      throw fail(attempt, AuditActivity.APPROVAL_REQUESTED, target, request, e);
    }
    throw new ApprovalRequiredException(request);
  }

  /** See {@link StaffSession#approve}. */
  ApprovedChange approve(ApprovalId id) {
    ApprovalStore store = store();
    ApprovalRequest request = find(store, id);
    Call resumed = Call.resume(request.correlationId(), System.nanoTime());
    try {
      Attempt attempt = workflow.continuing(request.correlationId());
      Decided decided =
          decide(
              store,
              attempt,
              AuditActivity.APPROVAL_APPROVED,
              request,
              pending -> pending.approve(workflow.manager().id(), config.clock().instant()),
              Map.of());
      return execute(store, attempt, decided.request(), decided.target());
    } finally {
      resumed.close();
    }
  }

  /** See {@link StaffSession#reject}. */
  ApprovalRequest reject(ApprovalId id, String reason) {
    ApprovalRequest.requireReason(reason);
    ApprovalStore store = store();
    ApprovalRequest request = find(store, id);
    Call resumed = Call.resume(request.correlationId(), System.nanoTime());
    try {
      return decide(
              store,
              workflow.continuing(request.correlationId()),
              AuditActivity.APPROVAL_REJECTED,
              request,
              pending -> pending.reject(workflow.manager().id(), config.clock().instant(), reason),
              Map.of(REJECTION_KEY, reason))
          .request();
    } finally {
      resumed.close();
    }
  }

  /** A request a manager decided, and its target as read for the decision. */
  private record Decided(ApprovalRequest request, User target) {}

  /**
   * The step approval and rejection share: the request must still be pending and the engine must
   * allow the manager its action on the target now; then {@code decision} moves it out of REQUESTED
   * by compare-and-set (a lost race throws {@link ApprovalClosedException}), and the manager's
   * SUCCEEDED {@code activity} event is recorded with the request id and {@code details}.
   */
  private Decided decide(
      ApprovalStore store,
      Attempt attempt,
      AuditActivity activity,
      ApprovalRequest found,
      UnaryOperator<ApprovalRequest> decision,
      Map<String, String> details) {
    User target = readTarget(attempt, activity, found);
    ApprovalRequest request = pending(store, attempt, activity, target, found);
    Workflow.Facts facts = workflow.facts(attempt, activity, target);
    Decision.Permit permit = workflow.authorize(attempt, activity, request.action(), target, facts);
    ApprovalRequest decided = decision.apply(request);
    boolean won;
    try {
      won = store.transition(ApprovalState.REQUESTED, decided);
    } catch (RuntimeException e) {
      throw fail(attempt, activity, target, request, e);
    }
    if (!won) {
      throw closed(attempt, activity, target, current(store, request));
    }
    AuditEvent.Builder event =
        workflow
            .succeeded(attempt, activity, permit)
            .additionalDetail(APPROVAL_KEY, request.id().value());
    details.forEach(event::additionalDetail);
    config
        .trail()
        .commitFinal(
            event.target(Attempt.target(target, List.of())).build(), attempt.startedNanos());
    return new Decided(decided, target);
  }

  /** See {@link StaffSession#pendingApprovals}. */
  Page<ApprovalRequest> pendingApprovals(PageRequest page) {
    Optional<ApprovalStore> store = config.approvals().store();
    if (store.isEmpty()) {
      return Page.last(List.of());
    }
    expireDue(config);
    Page<ApprovalRequest> found;
    try {
      found = store.get().pending(config.settings().cap(page));
    } catch (MyStaffException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ProviderFailureException("approval store", "could not list pending approvals", e);
    }
    List<ApprovalRequest> mine = new ArrayList<>(found.items().size());
    for (ApprovalRequest r : found.items()) {
      if (!r.requester().equals(workflow.manager().id())
          && !r.isDueAt(config.clock().instant())
          && workflow.stillPermits(r.action(), r.target())) {
        mine.add(r);
      }
    }
    return new Page<>(mine, found.nextCursor());
  }

  /** See {@link StaffSession#approval}. */
  Optional<ApprovalRequest> approval(ApprovalId id) {
    Optional<ApprovalStore> store = config.approvals().store();
    if (store.isEmpty()) {
      return Optional.empty();
    }
    Optional<ApprovalRequest> found;
    try {
      found = store.get().find(id);
    } catch (MyStaffException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ProviderFailureException("approval store", "could not read approval " + id, e);
    }
    UserId me = workflow.manager().id();
    return found.filter(
        r ->
            r.requester().equals(me)
                || r.decidedBy().equals(Optional.of(me))
                || workflow.stillPermits(r.action(), r.target()));
  }

  /**
   * Expires every request due now and records each one's {@code APPROVAL_EXPIRED} event (its
   * initiator the requester); the expired requests. Never throws for the events (they go to the
   * outbox).
   *
   * @throws ProviderFailureException if the store failed
   */
  static List<ApprovalRequest> expireDue(Configuration config) {
    Optional<ApprovalStore> store = config.approvals().store();
    if (store.isEmpty()) {
      return List.of();
    }
    List<ApprovalRequest> expired;
    try {
      expired = store.get().expireDue(config.clock().instant());
    } catch (MyStaffException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ProviderFailureException("approval store", "could not expire approvals", e);
    }
    for (ApprovalRequest r : expired) {
      recordExpired(config, r);
    }
    return expired;
  }

  private static void recordExpired(Configuration config, ApprovalRequest expired) {
    Attempt attempt =
        new Attempt(
            expired.correlationId(),
            new AuditInitiator(
                expired.requester(), Optional.empty(), Optional.empty(), Optional.empty()),
            config.clock());
    config
        .trail()
        .commitFinal(
            attempt
                .event(AuditActivity.APPROVAL_EXPIRED, AuditOutcome.SUCCEEDED)
                .additionalDetail(APPROVAL_KEY, expired.id().value())
                .additionalDetail(EXPIRES_KEY, expired.expiresAt().toString())
                .target(idOnly(expired.target()))
                .build(),
            attempt.startedNanos());
  }

  /**
   * Executes an approved request as the approver: the requester must still be allowed the action
   * (the engine, from facts read now), then the change runs its own path (decided again, at commit
   * too), recording its own event. The request then ends EXECUTED, or FAILED with the reason.
   */
  private ApprovedChange execute(
      ApprovalStore store, Attempt attempt, ApprovalRequest approved, User target) {
    Decision forRequester = requesterDecision(approved, target);
    if (forRequester instanceof Decision.Deny deny) {
      end(store, attempt, approved, target, AuditOutcome.DENIED, REQUESTER_PREFIX + deny.reason());
      throw new AccessDeniedException(approved.action(), target.id(), deny.reason());
    }
    try {
      if (approved.change() instanceof RequestedChange.SetPhone set) {
        return executed(
            store,
            attempt,
            approved,
            target,
            phone(attempt, target, set.type(), Optional.of(set.number())));
      }
      if (approved.change() instanceof RequestedChange.RemovePhone remove) {
        return executed(
            store,
            attempt,
            approved,
            target,
            phone(attempt, target, remove.type(), Optional.empty()));
      }
      if (target.isSynced()) {
        throw workflow.fail(
            attempt,
            AuditActivity.RESET_PASSWORD,
            target,
            PASSWORD_NOT_HELD,
            Map.of(),
            "approval policy",
            InvalidInputException.of(
                "password",
                "is required: the user is now synced, whose password the manager chooses",
                "approval.passwordNotHeld"));
      }
      PasswordResetResult reset =
          workflow.change(
              target,
              attempt,
              new CloudPasswordReset(
                  Optional.empty(),
                  config,
                  attempt.correlationId(),
                  config.settings().defaultDeliveryMode()));
      workflow.notifyUser(
          UserNotification.passwordReset(
              target.id(),
              attempt.correlationId(),
              config.clock().instant(),
              workflow.manager().id()));
      ApprovalRequest done = end(store, attempt, approved, target, AuditOutcome.SUCCEEDED, "");
      return new ApprovedChange(done, Optional.of(reset), Optional.empty());
    } catch (AccessDeniedException e) {
      end(store, attempt, approved, target, AuditOutcome.DENIED, e.reason().name());
      throw e;
    } catch (MyStaffException e) {
      end(store, attempt, approved, target, AuditOutcome.FAILED, e.code().name());
      throw e;
    } catch (RuntimeException e) {
      end(store, attempt, approved, target, AuditOutcome.FAILED, AuditTrail.PROVIDER_FAILURE);
      throw e;
    }
  }

  private ApprovedChange executed(
      ApprovalStore store,
      Attempt attempt,
      ApprovalRequest approved,
      User target,
      PhoneChange change) {
    ApprovalRequest done = end(store, attempt, approved, target, AuditOutcome.SUCCEEDED, "");
    return new ApprovedChange(done, Optional.empty(), Optional.of(change));
  }

  private PhoneChange phone(
      Attempt attempt,
      User target,
      io.mystaff.api.directory.PhoneType type,
      Optional<io.mystaff.api.directory.PhoneNumber> number) {
    PhoneCommand command = new PhoneCommand(target.id(), type, number);
    PhoneChange change =
        workflow.change(
            target,
            attempt,
            new PhoneEdit(command, config.writer(), config.phoneParser(), attempt.correlationId()));
    if (!change.previous().equals(change.current())) {
      AuditActivity activity =
          change.current().isEmpty()
              ? AuditActivity.DELETE_PHONE
              : change.previous().isPresent()
                  ? AuditActivity.UPDATE_PHONE
                  : AuditActivity.ADD_PHONE;
      workflow.notifyUser(
          new UserNotification(
              change.user(),
              activity,
              change.correlationId(),
              config.clock().instant(),
              workflow.manager().id(),
              Optional.of(change.type()),
              activity == AuditActivity.ADD_PHONE ? Optional.empty() : change.previous()));
    }
    return change;
  }

  /** The engine's decision for the requester on the request's action now; a deny if unreadable. */
  private Decision requesterDecision(ApprovalRequest request, User target) {
    try {
      Optional<User> requester = config.directory().findUser(request.requester());
      if (requester.isEmpty()) {
        return new Decision.Deny(request.action(), DenyReason.NO_ACTIVE_ROLE);
      }
      Workflow.Facts facts =
          new Workflow(
                  config,
                  requester.get(),
                  new AuditInitiator(
                      request.requester(), Optional.empty(), Optional.empty(), Optional.empty()))
              .readFacts(target);
      return facts.decide(request.action());
    } catch (RuntimeException e) { // fail closed
      LOG.warn("Could not decide for the requester of approval {}", request.id(), e);
      return new Decision.Deny(request.action(), DenyReason.NO_ACTIVE_ROLE);
    }
  }

  /**
   * Moves the approved request to EXECUTED (outcome SUCCEEDED) or FAILED with {@code reason}, and
   * commits its {@code APPROVAL_EXECUTED} event. A store that fails here leaves it APPROVED
   * (logged); the event still records how it ended.
   */
  private ApprovalRequest end(
      ApprovalStore store,
      Attempt attempt,
      ApprovalRequest approved,
      User target,
      AuditOutcome outcome,
      String reason) {
    ApprovalRequest next =
        outcome == AuditOutcome.SUCCEEDED ? approved.executed() : approved.failed(reason);
    try {
      if (!store.transition(ApprovalState.APPROVED, next)) {
        LOG.warn("Approval {} was not APPROVED when its execution ended", approved.id());
      }
    } catch (RuntimeException e) {
      LOG.warn(
          "Approval {} stays APPROVED: the store failed to end it as {}",
          approved.id(),
          next.state(),
          e);
    }
    AuditEvent.Builder event =
        attempt
            .event(AuditActivity.APPROVAL_EXECUTED, outcome)
            .additionalDetail(APPROVAL_KEY, approved.id().value())
            .target(Attempt.target(target, List.of()));
    if (outcome != AuditOutcome.SUCCEEDED) {
      event.resultReason(reason);
    }
    config.trail().commitFinal(event.build(), attempt.startedNanos());
    return next;
  }

  /**
   * The request, still REQUESTED; if it is due, expires it first. Otherwise records the attempt's
   * FAILED ({@value #APPROVAL_CLOSED}) or DENIED ({@code SELF_APPROVAL}) event and throws.
   */
  private ApprovalRequest pending(
      ApprovalStore store,
      Attempt attempt,
      AuditActivity activity,
      User target,
      ApprovalRequest request) {
    ApprovalRequest r = request;
    if (r.isDueAt(config.clock().instant())) {
      ApprovalRequest expired = r.expire();
      boolean won;
      try {
        won = store.transition(ApprovalState.REQUESTED, expired);
      } catch (RuntimeException e) {
        throw fail(attempt, activity, target, r, e);
      }
      if (won) {
        recordExpired(config, expired);
      }
      r = won ? expired : current(store, r);
    }
    if (r.state() != ApprovalState.REQUESTED) {
      throw closed(attempt, activity, target, r);
    }
    if (r.requester().equals(workflow.manager().id())) {
      throw config
          .trail()
          .recordEnding(
              attempt
                  .event(activity, AuditOutcome.DENIED)
                  .resultReason(DenyReason.SELF_APPROVAL.name())
                  .additionalDetail(APPROVAL_KEY, r.id().value())
                  .target(Attempt.target(target, List.of()))
                  .build(),
              new AccessDeniedException(r.action(), r.target(), DenyReason.SELF_APPROVAL));
    }
    return r;
  }

  private RuntimeException closed(
      Attempt attempt, AuditActivity activity, User target, ApprovalRequest current) {
    return config
        .trail()
        .recordEnding(
            attempt
                .event(activity, AuditOutcome.FAILED)
                .resultReason(APPROVAL_CLOSED)
                .additionalDetail(APPROVAL_KEY, current.id().value())
                .additionalDetail("approvalState", current.state().name())
                .target(Attempt.target(target, List.of()))
                .build(),
            new ApprovalClosedException(current.id(), current.state()));
  }

  private RuntimeException fail(
      Attempt attempt,
      AuditActivity activity,
      User target,
      ApprovalRequest request,
      RuntimeException cause) {
    RuntimeException thrown =
        cause instanceof MyStaffException
            ? cause
            : new ProviderFailureException(
                "approval store", "failed with " + cause.getClass().getName(), cause);
    return config
        .trail()
        .recordEnding(
            attempt
                .event(activity, AuditOutcome.FAILED)
                .resultReason(AuditTrail.PROVIDER_FAILURE)
                .additionalDetail(APPROVAL_KEY, request.id().value())
                .target(Attempt.target(target, List.of()))
                .build(),
            thrown);
  }

  /** The target of a request; a target gone records the attempt's FAILED event and throws. */
  private User readTarget(Attempt attempt, AuditActivity activity, ApprovalRequest request) {
    try {
      return workflow.readTarget(request.target());
    } catch (UnknownUserException e) {
      throw config
          .trail()
          .recordEnding(
              attempt
                  .event(activity, AuditOutcome.FAILED)
                  .resultReason(AuditTrail.UNKNOWN_USER)
                  .additionalDetail(APPROVAL_KEY, request.id().value())
                  .target(idOnly(request.target()))
                  .build(),
              e);
    }
  }

  private static ApprovalRequest current(ApprovalStore store, ApprovalRequest request) {
    try {
      return store.find(request.id()).orElse(request);
    } catch (RuntimeException e) {
      throw new ProviderFailureException(
          "approval store", "could not read approval " + request.id(), e);
    }
  }

  private static ApprovalRequest find(ApprovalStore store, ApprovalId id) {
    if (id == null) {
      throw InvalidInputException.of("approval", "is required");
    }
    Optional<ApprovalRequest> found;
    try {
      found = store.find(id);
    } catch (MyStaffException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ProviderFailureException("approval store", "could not read approval " + id, e);
    }
    return found.orElseThrow(
        () -> InvalidInputException.of("approval", "is not known: " + id, "approval.unknown"));
  }

  private ApprovalStore store() {
    return config
        .approvals()
        .store()
        .orElseThrow(
            () ->
                new CapabilityNotSupportedException(
                    "approvals", "no approval store is configured (MyStaff.Builder.approvals)"));
  }

  private static AuditTarget idOnly(UserId user) {
    return new AuditTarget(
        user.value(), Attempt.USER_TARGET_TYPE, Optional.empty(), Optional.empty(), List.of());
  }
}
