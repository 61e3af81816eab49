package io.mystaff.spring.web;

import io.mystaff.api.ProviderFailureException;
import io.mystaff.api.access.SignInContext;
import io.mystaff.api.access.SignInRefusal;
import io.mystaff.api.access.SignInRefusedException;
import io.mystaff.core.MyStaff;
import io.mystaff.core.StaffSession;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Clock;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.util.WebUtils;

/**
 * The manager's {@link StaffSession}, kept in their HTTP session and reused only for the same
 * sign-in: a request of the same HTTP session whose principal ({@code Authentication}, compared
 * with {@code equals}: the same principal, authorities and authentication time) and whose {@link
 * SignInContext} (user, MFA, client IP: everything the conditional access hook sees) equal those of
 * the request that signed in. Any other request signs in again, so the sign-in gate and the
 * conditional access hook judge every distinct sign-in, and a session opened with MFA never serves
 * a request without it. A request without an HTTP session signs in for itself alone. The session
 * ends with the HTTP session (a logout invalidates it) and is renewed once mystaff ends it (its
 * lifetime passed), so each call is checked by mystaff's own session rules.
 */
final class ManagerSessions {
  private static final Logger LOG = LoggerFactory.getLogger(ManagerSessions.class);

  /** The HTTP session attribute holding the {@link Slot}. */
  static final String ATTRIBUTE = ManagerSessions.class.getName() + ".SLOT";

  private final MyStaff myStaff;
  private final Clock clock;

  ManagerSessions(MyStaff myStaff, Clock clock) {
    this.myStaff = myStaff;
    this.clock = clock;
  }

  /**
   * What a mystaff session was opened for: reused only by a request with equal grounds.
   *
   * @param context the sign-in context the manager mapping gave
   * @param principal the host's principal ({@code Authentication}), compared with {@code equals}
   */
  record Grounds(SignInContext context, Object principal) {}

  /**
   * Runs {@code call} in the manager's session for {@code grounds}, in the HTTP session of {@code
   * request} (if it has one), signing in again once if mystaff ended the session.
   */
  <T> T call(HttpServletRequest request, Grounds grounds, Function<StaffSession, T> call) {
    HttpSession http = request.getSession(false);
    return call(http == null ? new Slot() : slotOf(http), grounds, call);
  }

  /** Runs {@code call} in the session {@code slot} holds for {@code grounds}, or a new one. */
  <T> T call(Slot slot, Grounds grounds, Function<StaffSession, T> call) {
    StaffSession session = session(slot, grounds);
    try {
      return call.apply(session);
    } catch (SignInRefusedException e) {
      slot.forget(session);
      if (e.reason() != SignInRefusal.SESSION_EXPIRED) {
        throw e;
      }
      return call.apply(session(slot, grounds));
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

  private StaffSession session(Slot slot, Grounds grounds) {
    // One sign-in at a time per HTTP session: the page's parallel first calls share one.
    synchronized (slot) {
      StaffSession held = slot.sessionFor(grounds);
      if (held != null && clock.instant().isBefore(held.expiresAt())) {
        return held;
      }
      slot.clear(); // whatever happens next, the old session serves no one any more
      StaffSession fresh = myStaff.signIn(grounds.context());
      slot.hold(grounds, fresh);
      return fresh;
    }
  }

  private static Slot slotOf(HttpSession http) {
    if (http.getAttribute(ATTRIBUTE) instanceof Slot slot) {
      return slot;
    }
    synchronized (WebUtils.getSessionMutex(http)) {
      if (http.getAttribute(ATTRIBUTE) instanceof Slot slot) {
        return slot;
      }
      Slot slot = new Slot();
      http.setAttribute(ATTRIBUTE, slot);
      return slot;
    }
  }

  /**
   * The mystaff session one HTTP session holds, with the grounds it was opened for. Serializable
   * for containers that store HTTP sessions, but empty once read back: a restored HTTP session
   * signs in again.
   */
  static final class Slot implements Serializable {
    private static final long serialVersionUID = 1L;

    private transient @Nullable Grounds grounds; // guarded by this
    private transient @Nullable StaffSession session; // guarded by this

    synchronized @Nullable StaffSession sessionFor(Grounds wanted) {
      return wanted.equals(grounds) ? session : null;
    }

    synchronized void hold(Grounds grounds, StaffSession session) {
      this.grounds = grounds;
      this.session = session;
    }

    synchronized void forget(StaffSession ended) {
      if (session == ended) {
        clear();
      }
    }

    synchronized void clear() {
      grounds = null;
      session = null;
    }

    @Override
    public String toString() {
      return "ManagerSessions.Slot";
    }
  }
}
