package io.mystaff.spi;

import io.mystaff.api.StaleFactsException;
import io.mystaff.api.StaleVersionException;
import io.mystaff.api.UnknownUserException;
import io.mystaff.api.UserId;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.directory.User;
import java.time.Instant;
import java.util.Optional;

/**
 * Signs users out everywhere, the way Entra's {@code revokeSignInSessions} does: it moves the
 * user's "sessions valid from" instant ({@code signInSessionsValidFromDateTime}) forward, and every
 * refresh token or session cookie issued before it stops working. A {@link DirectoryWriter}
 * capability ({@link DirectoryWriter#sessionRevoker()}): a writer that cannot revoke sessions
 * offers none, and My Staff then neither offers nor performs {@link
 * io.mystaff.api.authz.StaffAction#REVOKE_SESSIONS}.
 *
 * <p>Contract: a revocation is a versioned write of the user with the same compare-and-set, commit
 * condition and outbox rules as every {@link DirectoryWriter} write: it applies only at {@code
 * expectedVersion}, calls {@code condition} exactly once before storing anything, and stores the
 * user at a higher version together with {@code event}, atomically; a call that throws changed
 * nothing. The instant never moves back: a revocation with an earlier instant than the stored one
 * keeps the stored one (and still writes the user and its event). It works for cloud-only and
 * synced users alike (sessions are the cloud's). Thread-safe. The contract suite {@code
 * SessionRevokerLaws} (module {@code mystaff-testkit}) checks it.
 *
 * @since 0.2.0
 */
public interface SessionRevoker {

  /**
   * Invalidates every session and refresh token of {@code user} issued before {@code validFrom},
   * and stores {@code event} in the outbox, if {@code condition} still holds at commit.
   *
   * @param user the user to sign out
   * @param expectedVersion the version of the user the decision read
   * @param validFrom the instant from which sessions are valid again (core passes its clock's now)
   * @param event the audit event of the revocation, stored with it
   * @param condition the decision, re-checked at commit
   * @return the user after the revocation, at a higher version
   * @throws UnknownUserException if there is no such user
   * @throws StaleVersionException if the user is no longer at {@code expectedVersion}
   * @throws StaleFactsException (or whatever {@code condition} throws) if the condition failed
   */
  User revokeSessions(
      UserId user,
      long expectedVersion,
      Instant validFrom,
      AuditEvent event,
      CommitCondition condition);

  /**
   * {@link #revokeSessions(UserId, long, Instant, AuditEvent, CommitCondition)} with no condition,
   * for revocations that rest on no authorization decision (administration, tests).
   *
   * @param user the user to sign out
   * @param expectedVersion the version of the user the caller read
   * @param validFrom the instant from which sessions are valid again
   * @param event the audit event of the revocation, stored with it
   * @return the user after the revocation, at a higher version
   */
  default User revokeSessions(
      UserId user, long expectedVersion, Instant validFrom, AuditEvent event) {
    return revokeSessions(user, expectedVersion, validFrom, event, CommitCondition.none());
  }

  /**
   * The instant from which {@code user}'s sessions are valid: the latest revocation's, or empty if
   * the user's sessions were never revoked (or the user does not exist).
   *
   * @param user the user
   * @return the instant, or empty
   */
  Optional<Instant> sessionsValidFrom(UserId user);
}
