package io.mystaff.core;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.access.SignInContext;
import io.mystaff.api.access.SignInRefusal;
import io.mystaff.api.access.SignInRefusedException;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.audit.AuditOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps one session on the grounds it was opened on. Before every call of the session: past the
 * absolute lifetime, the call is refused with {@link SignInRefusal#SESSION_EXPIRED}; otherwise, if
 * the last successful check is at least the recheck interval old (or the interval is zero), the
 * sign-in gate runs again on facts read now, with the sign-in's context (so conditional access is
 * asked again), and a refusal refuses the call with the gate's reason.
 *
 * <p>Every refusal is audited like a refused sign-in (activity SIGN_IN, outcome DENIED, the refusal
 * as reason), with the additional detail {@link #SESSION_CHECK_KEY} = {@code recheck} or {@code
 * lifetime}; a passing re-check records nothing. A refused re-check does not end the session: the
 * next call checks again, so a manager whose grounds come back (a role re-activated) carries on.
 * Thread-safe: the time of the last check only moves forward.
 */
final class SessionGuard {
  /** The additional detail naming the session check that refused a call. */
  static final String SESSION_CHECK_KEY = "sessionCheck";

  private final SignInContext context;
  private final Instant expiresAt;
  private final Duration recheckInterval;
  private final AtomicReference<Instant> lastCheck;

  SessionGuard(SignInContext context, Instant signedInAt, MyStaffSettings settings) {
    this.context = requireNonNull(context, "context");
    this.expiresAt = signedInAt.plus(settings.sessionLifetime());
    this.recheckInterval = settings.sessionRecheckInterval();
    this.lastCheck = new AtomicReference<>(signedInAt);
  }

  /**
   * Lets a call of the session through, or refuses it.
   *
   * @throws IllegalStateException if the {@link MyStaff} was closed
   * @throws SignInRefusedException if the session expired or the gate now refuses the manager,
   *     after one DENIED sign-in event
   * @throws io.mystaff.api.ProviderFailureException if the directory or the sink failed during a
   *     re-check
   */
  void check(Workflow workflow) {
    Configuration config = workflow.config();
    config.ensureOpen();
    Instant now = config.clock().instant();
    if (!now.isBefore(expiresAt)) {
      throw config
          .trail()
          .recordEnding(
              workflow
                  .begin()
                  .event(AuditActivity.SIGN_IN, AuditOutcome.DENIED)
                  .resultReason(SignInRefusal.SESSION_EXPIRED.name())
                  .target(Attempt.target(workflow.manager(), List.of()))
                  .additionalDetail(SESSION_CHECK_KEY, "lifetime")
                  .build(),
              new SignInRefusedException(context.user(), SignInRefusal.SESSION_EXPIRED));
    }
    Instant last = requireNonNull(lastCheck.get(), "lastCheck"); // set at sign-in, never cleared
    if (!recheckInterval.isZero() && now.isBefore(last.plus(recheckInterval))) {
      return;
    }
    MyStaff.admit(config, context, Map.of(SESSION_CHECK_KEY, "recheck"));
    lastCheck.accumulateAndGet(now, (a, b) -> a.isAfter(b) ? a : b);
  }

  /** The instant from which every call is refused. */
  Instant expiresAt() {
    return expiresAt;
  }
}
