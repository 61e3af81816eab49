package io.mystaff.spring.web;

import io.mystaff.api.ProviderFailureException;
import io.mystaff.api.UserId;
import io.mystaff.api.access.SignInContext;
import io.mystaff.api.access.SignInRefusal;
import io.mystaff.api.access.SignInRefusedException;
import io.mystaff.core.MyStaff;
import io.mystaff.core.StaffSession;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link StaffSession} per signed-in manager: signed in on first use, and again once mystaff
 * ends it (its lifetime passed), so each call is checked by mystaff's own session rules.
 */
final class ManagerSessions {
  private static final Logger LOG = LoggerFactory.getLogger(ManagerSessions.class);

  private final MyStaff myStaff;
  private final Clock clock;
  private final Map<UserId, StaffSession> sessions = new ConcurrentHashMap<>();

  ManagerSessions(MyStaff myStaff, Clock clock) {
    this.myStaff = myStaff;
    this.clock = clock;
  }

  /** Runs {@code call} in the manager's session, signing in again once if mystaff ended it. */
  <T> T call(SignInContext context, Function<StaffSession, T> call) {
    StaffSession session = session(context);
    try {
      return call.apply(session);
    } catch (SignInRefusedException e) {
      if (e.reason() != SignInRefusal.SESSION_EXPIRED) {
        sessions.remove(context.user(), session);
        throw e;
      }
      sessions.remove(context.user(), session);
      return call.apply(session(context));
    }
  }

  /** Relays the audit events still waiting, so a manager's own last action is in the list. */
  void catchUpAudit() {
    try {
      myStaff.flushAudit();
    } catch (ProviderFailureException e) {
      LOG.warn("Audit events could not be relayed yet: {}", e.getMessage());
    }
  }

  private StaffSession session(SignInContext context) {
    StaffSession current = sessions.get(context.user());
    if (current != null && clock.instant().isBefore(current.expiresAt())) {
      return current;
    }
    StaffSession fresh = myStaff.signIn(context);
    sessions.put(context.user(), fresh);
    return fresh;
  }
}
