package io.mystaff.core;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.MyStaffException;
import io.mystaff.api.ProviderFailureException;
import io.mystaff.api.StaleFactsException;
import io.mystaff.api.StaleVersionException;
import io.mystaff.api.UnknownUserException;
import io.mystaff.api.UserId;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditInitiator;
import io.mystaff.api.audit.AuditOutcome;
import io.mystaff.api.authz.AccessDeniedException;
import io.mystaff.api.authz.ActorFacts;
import io.mystaff.api.authz.Decision;
import io.mystaff.api.authz.DenyReason;
import io.mystaff.api.authz.RoleCatalog;
import io.mystaff.api.authz.StaffAction;
import io.mystaff.api.authz.TargetFacts;
import io.mystaff.api.directory.User;
import io.mystaff.api.password.PasswordRejectedException;
import io.mystaff.api.password.PolicyViolation;
import io.mystaff.spi.UserNotification;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps every audited operation of one manager goes through: facts from the directory, a
 * decision by the engine, and exactly one terminal audit event per attempt: DENIED and FAILED
 * straight to the sink, SUCCEEDED through the writer's outbox with the write (or straight to the
 * sink for views). Immutable and thread-safe.
 */
final class Workflow {
  private static final Logger LOG = LoggerFactory.getLogger(Workflow.class);

  /** How many compare-and-set rounds a change gets before it gives up on a busy user. */
  static final int MAX_ROUNDS = 5;

  private final Configuration config;
  private final User manager;
  private final AuditInitiator initiator;

  Workflow(Configuration config, User manager, AuditInitiator initiator) {
    this.config = requireNonNull(config, "config");
    this.manager = requireNonNull(manager, "manager");
    this.initiator = requireNonNull(initiator, "initiator");
  }

  /**
   * What the engine decides on, read for one target at one instant; {@code acting} is the manager
   * with the delegations they hold as deputy then.
   */
  record Facts(
      ActorFacts actor,
      TargetFacts target,
      RoleCatalog roles,
      Instant now,
      DirectoryFacts reader,
      Acting acting) {

    /** The decision on {@code action}: the manager's own, or as deputy ({@link Acting#decide}). */
    Decision decide(StaffAction action) {
      return acting.decide(action, target, roles);
    }
  }

  Configuration config() {
    return config;
  }

  User manager() {
    return manager;
  }

  Attempt begin() {
    return Attempt.begin(initiator, config.clock());
  }

  /** An attempt of this manager that continues the earlier one of {@code correlationId}. */
  Attempt continuing(io.mystaff.api.CorrelationId correlationId) {
    return new Attempt(correlationId, initiator, config.clock());
  }

  /**
   * The user as the directory holds it now.
   *
   * @throws UnknownUserException if there is none
   * @throws ProviderFailureException if the directory failed
   */
  User readTarget(UserId id) {
    try {
      return config.directory().findUser(id).orElseThrow(() -> new UnknownUserException(id));
    } catch (MyStaffException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ProviderFailureException("directory", "could not read user " + id, e);
    }
  }

  /**
   * Reads the facts about the manager and {@code target}; a directory failure records a FAILED
   * event of the attempt and is thrown.
   */
  Facts facts(Attempt attempt, AuditActivity activity, User target) {
    try {
      return readFacts(target);
    } catch (RuntimeException e) {
      throw fail(attempt, activity, target, AuditTrail.PROVIDER_FAILURE, Map.of(), "directory", e);
    }
  }

  /** Reads the facts about the manager and {@code target} now, recording nothing. */
  Facts readFacts(User target) {
    DirectoryFacts reader = DirectoryFacts.reading(config.directory());
    ActorFacts actor = reader.manager(manager.id());
    Instant now = config.clock().instant();
    return new Facts(
        actor,
        reader.target(target),
        config.directory().roles(),
        now,
        reader,
        acting(reader, actor, now));
  }

  /** The manager {@code actor} at {@code now} with the delegations they hold as deputy then. */
  Acting acting(DirectoryFacts reader, ActorFacts actor, Instant now) {
    return Acting.of(config.engine(), config.delegations(), reader, actor, now);
  }

  /**
   * Whether the engine, asked again from facts read now, still permits {@code action} on {@code
   * target}; false when the facts cannot be read (fail closed). Records nothing.
   */
  boolean stillPermits(StaffAction action, UserId target) {
    try {
      Optional<User> user = config.directory().findUser(target);
      if (user.isEmpty()) {
        return false;
      }
      Facts facts = readFacts(user.get());
      return facts.decide(action) instanceof Decision.Permit;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * What execution and preview both decide about a change before anything is written: the engine's
   * decision from {@code facts}, then, once permitted, the change's own rules ({@code rules}, e.g.
   * Graph's phone method rules or the password policy) on {@code target}. The one path that {@link
   * #change}, {@link WritebackReset} and {@link StaffSession#preview} share; records nothing.
   */
  Verdict judge(
      Facts facts,
      StaffAction action,
      User target,
      Function<User, Optional<UserChange.Refusal>> rules) {
    Decision decision = facts.decide(action);
    if (decision instanceof Decision.Deny deny) {
      return new Verdict(deny, Optional.empty());
    }
    return new Verdict(decision, rules.apply(target));
  }

  /**
   * A decision and, for a permit, why the change still cannot apply (empty when it can).
   *
   * @param decision the engine's decision
   * @param refusal for a permit, the change's refusal; always empty for a deny
   */
  record Verdict(Decision decision, Optional<UserChange.Refusal> refusal) {
    Verdict {
      requireNonNull(decision, "decision");
      requireNonNull(refusal, "refusal");
    }
  }

  /**
   * Asks the engine; on a deny records the one DENIED event of the attempt and throws.
   *
   * @throws AccessDeniedException if the engine denies {@code action}
   * @throws ProviderFailureException if the DENIED event could not be recorded
   */
  Decision.Permit authorize(
      Attempt attempt, AuditActivity activity, StaffAction action, User target, Facts facts) {
    return enforce(attempt, activity, target, judge(facts, action, target, t -> Optional.empty()));
  }

  /**
   * Carries out {@code verdict}: returns its permit when the change may go ahead; else records the
   * one DENIED (engine deny) or FAILED (refusal) event of the attempt and throws.
   *
   * @throws AccessDeniedException if the engine denied the action
   * @throws MyStaffException the refusal's error, if the change cannot apply
   * @throws ProviderFailureException if the event could not be recorded
   */
  Decision.Permit enforce(Attempt attempt, AuditActivity activity, User target, Verdict verdict) {
    if (verdict.decision() instanceof Decision.Deny deny) {
      throw config
          .trail()
          .recordEnding(
              attempt
                  .event(activity, AuditOutcome.DENIED)
                  .resultReason(deny.reason().name())
                  .target(Attempt.target(target, List.of()))
                  .build(),
              new AccessDeniedException(deny.action(), target.id(), deny.reason()));
    }
    if (verdict.refusal().isPresent()) {
      UserChange.Refusal refusal = verdict.refusal().get();
      throw fail(
          attempt,
          activity,
          target,
          refusal.reason(),
          refusal.details(),
          "directory",
          refusal.error());
    }
    return (Decision.Permit) verdict.decision();
  }

  /**
   * Takes one token of the manager's bucket in {@code limiter}; when it is empty, records the one
   * DENIED event of the attempt (reason {@link DenyReason#RATE_LIMITED}) and throws.
   *
   * @throws AccessDeniedException with {@link DenyReason#RATE_LIMITED} if the bucket is empty
   * @throws ProviderFailureException if the DENIED event could not be recorded
   */
  void throttle(
      Attempt attempt,
      AuditActivity activity,
      StaffAction action,
      User target,
      ChangeLimiter limiter) {
    if (limiter.tryAcquire(manager.id())) {
      return;
    }
    throw config
        .trail()
        .recordEnding(
            attempt
                .event(activity, AuditOutcome.DENIED)
                .resultReason(DenyReason.RATE_LIMITED.name())
                .target(Attempt.target(target, List.of()))
                .build(),
            new AccessDeniedException(action, target.id(), DenyReason.RATE_LIMITED));
  }

  /** Tells the user about a committed change, soon and on the notifier's executor; never throws. */
  void notifyUser(UserNotification notification) {
    config.notifications().send(notification);
  }

  /** The SUCCEEDED event of an attempt, naming the assignment that permitted it. */
  AuditEvent.Builder succeeded(Attempt attempt, AuditActivity activity, Decision.Permit permit) {
    return AuditTrail.granted(attempt.event(activity, AuditOutcome.SUCCEEDED), permit);
  }

  /**
   * Applies {@code change} to the user with compare-and-set: authorize against fresh facts, write
   * at the version read, on the condition ({@link CommitCheck}) that every fact the decision rested
   * on is unchanged at commit and the engine still permits it then. When another write won, or a
   * fact changed, read again and decide again, up to {@link #MAX_ROUNDS} rounds. A successful write
   * commits its SUCCEEDED event through the outbox, which is then relayed; every other end records
   * one DENIED or FAILED event and throws, except a write whose outcome the writer could not learn
   * ({@link ProviderFailureException#isOutcomeUnknown()}): it throws without an event of its own,
   * because its SUCCEEDED event committed with it if it committed.
   */
  <T> T change(User first, Attempt attempt, UserChange<T> change) {
    User current = first;
    for (int round = 1; ; round++) {
      AuditActivity activity = change.activity(current);
      Facts facts = facts(attempt, activity, current);
      Verdict verdict;
      try {
        verdict = judge(facts, change.action(), current, change::refusal);
      } catch (RuntimeException e) {
        throw fail(
            attempt,
            activity,
            current,
            AuditTrail.PROVIDER_FAILURE,
            Map.of(),
            "password policy",
            e);
      }
      Decision.Permit permit = enforce(attempt, activity, current, verdict);
      AuditEvent.Builder succeeded =
          succeeded(attempt, activity, permit)
              .target(Attempt.target(current, change.changes(current)));
      change.details(current).forEach(succeeded::additionalDetail);
      AuditEvent event = succeeded.build();
      T result;
      try {
        result =
            change.apply(current, event, new CommitCheck(this, change.action(), facts, permit));
      } catch (StaleVersionException | StaleFactsException e) {
        if (round == MAX_ROUNDS) {
          throw fail(
              attempt,
              activity,
              current,
              AuditTrail.CONCURRENT_MODIFICATION,
              Map.of("rounds", Integer.toString(round)),
              "directory writer",
              e);
        }
        current = reread(attempt, activity, current);
        continue;
      } catch (PasswordRejectedException e) {
        throw fail(
            attempt,
            activity,
            current,
            AuditTrail.PASSWORD_POLICY_VIOLATION,
            violations(e),
            "password policy",
            e);
      } catch (UnknownUserException e) {
        throw fail(
            attempt, activity, current, AuditTrail.UNKNOWN_USER, Map.of(), "directory writer", e);
      } catch (CredentialDeliveryException e) { // sent before the write: nothing was written
        throw fail(
            attempt,
            activity,
            current,
            CloudPasswordReset.DELIVERY_FAILED,
            Map.of(
                CloudPasswordReset.DELIVERY_KEY,
                e.mode().name(),
                CloudPasswordReset.DELIVERY_FAILURE_KEY,
                e.failure().name()),
            "credential delivery",
            e);
      } catch (ProviderFailureException e) {
        if (e.isOutcomeUnknown()) { // its SUCCEEDED event committed with it, if it committed
          LOG.warn(
              "The outcome of {} of {} (correlation {}) is unknown; no FAILED event recorded",
              activity,
              current.id(),
              attempt.correlationId(),
              e);
          throw e;
        }
        throw fail(
            attempt,
            activity,
            current,
            AuditTrail.PROVIDER_FAILURE,
            Map.of(),
            "directory writer",
            e);
      } catch (RuntimeException e) {
        throw fail(
            attempt,
            activity,
            current,
            AuditTrail.PROVIDER_FAILURE,
            Map.of(),
            "directory writer",
            e);
      }
      config.trail().committed(event, attempt.startedNanos());
      config.trail().relaySoon();
      return result;
    }
  }

  private User reread(Attempt attempt, AuditActivity activity, User stale) {
    try {
      return readTarget(stale.id());
    } catch (UnknownUserException e) {
      throw fail(attempt, activity, stale, AuditTrail.UNKNOWN_USER, Map.of(), "directory", e);
    } catch (RuntimeException e) {
      throw fail(attempt, activity, stale, AuditTrail.PROVIDER_FAILURE, Map.of(), "directory", e);
    }
  }

  /**
   * Records the one FAILED event of the attempt and returns what to throw: {@code cause} if it is
   * one of mystaff's exceptions, else a {@link ProviderFailureException} naming {@code provider}.
   * If the sink cannot record the event, the sink's failure is returned instead (see {@link
   * AuditTrail#recordEnding}).
   */
  RuntimeException fail(
      Attempt attempt,
      AuditActivity activity,
      User target,
      String reason,
      Map<String, String> details,
      String provider,
      RuntimeException cause) {
    RuntimeException thrown =
        cause instanceof MyStaffException
            ? cause
            : new ProviderFailureException(
                provider, "failed with " + cause.getClass().getName(), cause);
    AuditEvent.Builder event =
        attempt
            .event(activity, AuditOutcome.FAILED)
            .resultReason(reason)
            .target(Attempt.target(target, List.of()));
    details.forEach(event::additionalDetail);
    return config.trail().recordEnding(event.build(), thrown);
  }

  /** The violated rules of a rejected password, by key only: they never hold the password. */
  static Map<String, String> violations(PasswordRejectedException e) {
    return Map.of(
        "policyViolations",
        e.violations().stream().map(PolicyViolation::key).collect(Collectors.joining(",")));
  }
}
