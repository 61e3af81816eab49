package io.mystaff.spi;

import io.mystaff.api.StaleFactsException;
import io.mystaff.api.StaleVersionException;
import io.mystaff.api.UnknownUserException;
import io.mystaff.api.UserId;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.directory.PhoneNumber;
import io.mystaff.api.directory.PhoneType;
import io.mystaff.api.directory.User;
import io.mystaff.api.password.Secret;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Versioned writes to cloud-mastered user data, each committed atomically together with the audit
 * event that describes it (a transactional outbox).
 *
 * <p><b>Compare-and-set.</b> Every write applies only if the user is still at {@code
 * expectedVersion}, then returns the user at a strictly higher version; otherwise it changes
 * nothing and throws {@link StaleVersionException}. So concurrent edits never lose an update.
 *
 * <p><b>Outbox.</b> Every write takes the {@link AuditEvent} that records it. The implementation
 * stores the event durably in the same atomic step as the change: after a successful return both
 * are stored, after an exception neither is. Core then delivers outbox events to the {@link
 * AuditSink} ({@link #pendingAuditEvents}) and acknowledges them once the sink has stored them
 * ({@link #acknowledgeAuditEvents}). This is how mystaff guarantees that no change lacks its audit
 * event and no event claims a change that did not happen, even when the audit sink is down.
 *
 * <p><b>Commit conditions.</b> A write that core makes on a manager's behalf carries a {@link
 * CommitCondition}: the authorization decision, to be re-checked inside the write's atomic section
 * against the state the write commits to. The implementation calls it exactly once per write, after
 * the version check and before storing anything, and excludes every write to the facts it reads
 * until the commit (see {@link CommitCondition}); if it throws, nothing is stored and the exception
 * is rethrown unchanged. So a change lands only if the manager may still make it at commit time,
 * even while role assignments, unit memberships or unit flags change concurrently.
 *
 * <p><b>Versions</b> grow strictly with every write of a user and never go down; a version higher
 * than the current one is as stale as a lower one. A write changes only what it names: every other
 * field of the user stays as it was.
 *
 * <p><b>Outbox order and fidelity.</b> {@link #pendingAuditEvents} returns events in the order
 * their writes (or {@link #appendAuditEvent} calls) committed, whatever their ids and times say,
 * and each event exactly as given, its time to the microsecond at least.
 *
 * <p><b>Who is refused.</b> An unknown user: {@link UnknownUserException}, for every write. A user
 * synced from on premises: {@link #setPassword} throws {@link io.mystaff.api.InvalidInputException}
 * and changes nothing (their password is written back through {@link PasswordWriteback}). Arguments
 * out of range ({@code max} negative): {@link io.mystaff.api.InvalidInputException}, never an error
 * of the store.
 *
 * <p>Contract: thread-safe; atomic per call; a call that throws has changed nothing. The contract
 * suite {@code DirectoryWriterTestSuiteBuilder} (module {@code mystaff-testkit}) checks it, and
 * compares random write sequences with the in-memory reference.
 *
 * @since 0.1.0
 */
public interface DirectoryWriter {

  /**
   * Sets ({@code number} present) or removes ({@code number} empty) the user's phone of {@code
   * type}, and stores {@code event} in the outbox, if {@code condition} still holds at commit.
   * Removing an absent phone is allowed.
   *
   * @param user the user to change
   * @param expectedVersion the version of the user the decision read
   * @param type the phone's type
   * @param number the new number, or empty to remove the phone
   * @param event the audit event of the change, stored with it
   * @param condition the decision, re-checked at commit
   * @return the user after the change, at a higher version
   * @throws UnknownUserException if there is no such user
   * @throws StaleVersionException if the user is no longer at {@code expectedVersion}
   * @throws StaleFactsException (or whatever {@code condition} throws) if the condition failed
   * @since 0.1.0
   */
  User setPhone(
      UserId user,
      long expectedVersion,
      PhoneType type,
      Optional<PhoneNumber> number,
      AuditEvent event,
      CommitCondition condition);

  /**
   * {@link #setPhone(UserId, long, PhoneType, Optional, AuditEvent, CommitCondition)} with no
   * condition, for writes that rest on no authorization decision (administration, tests).
   *
   * @param user the user to change
   * @param expectedVersion the version of the user the caller read
   * @param type the phone's type
   * @param number the new number, or empty to remove the phone
   * @param event the audit event of the change, stored with it
   * @return the user after the change, at a higher version
   */
  default User setPhone(
      UserId user,
      long expectedVersion,
      PhoneType type,
      Optional<PhoneNumber> number,
      AuditEvent event) {
    return setPhone(user, expectedVersion, type, number, event, CommitCondition.none());
  }

  /**
   * Sets a cloud-only user's password and whether it must be changed at next sign-in, and stores
   * {@code event} in the outbox. The implementation stores only a salted hash of the password (or
   * hands it on), never the secret itself, and does not retain the {@code Secret} object. Applies
   * only if {@code condition} still holds at commit.
   *
   * @param user the cloud-only user to change
   * @param expectedVersion the version of the user the decision read
   * @param password the new password; the implementation keeps no reference to it
   * @param forceChangeNextSignIn true if the user must choose a new password at the next sign-in
   * @param event the audit event of the change, stored with it
   * @param condition the decision, re-checked at commit
   * @return the user after the change, at a higher version
   * @throws UnknownUserException if there is no such user
   * @throws StaleVersionException if the user is no longer at {@code expectedVersion}
   * @throws StaleFactsException (or whatever {@code condition} throws) if the condition failed
   * @since 0.1.0
   */
  User setPassword(
      UserId user,
      long expectedVersion,
      Secret password,
      boolean forceChangeNextSignIn,
      AuditEvent event,
      CommitCondition condition);

  /**
   * {@link #setPassword(UserId, long, Secret, boolean, AuditEvent, CommitCondition)} with no
   * condition, for writes that rest on no authorization decision (administration, tests).
   *
   * @param user the cloud-only user to change
   * @param expectedVersion the version of the user the caller read
   * @param password the new password; the implementation keeps no reference to it
   * @param forceChangeNextSignIn true if the user must choose a new password at the next sign-in
   * @param event the audit event of the change, stored with it
   * @return the user after the change, at a higher version
   */
  default User setPassword(
      UserId user,
      long expectedVersion,
      Secret password,
      boolean forceChangeNextSignIn,
      AuditEvent event) {
    return setPassword(
        user, expectedVersion, password, forceChangeNextSignIn, event, CommitCondition.none());
  }

  /**
   * Stores {@code event} in the outbox on its own, durably, as the record of a change made
   * elsewhere: the final SUCCEEDED or FAILED event of a password written back on premises. After a
   * successful return the event survives what the outbox survives (for a database, a restart) until
   * it is acknowledged; after an exception nothing was stored. Storing an event whose id is already
   * pending changes nothing (idempotent, so a retried call stores it once).
   *
   * @param event the event to store
   * @since 0.1.0
   */
  void appendAuditEvent(AuditEvent event);

  /**
   * Reads the outbox without changing it; core delivers these to the {@link AuditSink}.
   *
   * @param max the most events to return, not negative
   * @return up to {@code max} events not yet acknowledged, oldest first (in commit order)
   * @throws io.mystaff.api.InvalidInputException if {@code max} is negative
   */
  List<AuditEvent> pendingAuditEvents(int max);

  /**
   * Removes delivered events from the outbox; unknown ids are ignored (idempotent).
   *
   * @param eventIds the ids of events the audit sink has stored
   */
  void acknowledgeAuditEvents(Collection<String> eventIds);

  /**
   * The writer's capability to sign users out everywhere, if it has one. The default has none: My
   * Staff then does not offer {@link io.mystaff.api.authz.StaffAction#REVOKE_SESSIONS} ({@link
   * io.mystaff.api.authz.DenyReason#ACTION_NOT_SUPPORTED}) and refuses it with {@link
   * io.mystaff.api.CapabilityNotSupportedException}.
   *
   * @return the revoker, or empty
   * @since 0.2.0
   */
  default Optional<SessionRevoker> sessionRevoker() {
    return Optional.empty();
  }
}
