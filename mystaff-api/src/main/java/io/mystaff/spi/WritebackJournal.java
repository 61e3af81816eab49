package io.mystaff.spi;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.password.WritebackStatus;
import java.time.Duration;
import java.util.List;

/**
 * Keeps the state of synced password resets (writebacks) where every node of a host sees it, so a
 * writeback outlives the node that started it: its submission, progress and one final event survive
 * a restart, and a writeback whose node died is ended by another node instead of staying PENDING
 * forever.
 *
 * <p>Core calls {@link #submitted} once per writeback, after its PENDING event was recorded and
 * before the password is submitted, {@link #progressed} on each status change, and {@link
 * #finished} once with the final event. The password itself is never journaled: a writeback whose
 * node died cannot be resumed elsewhere, so a durable journal ends it after its lease with the
 * FAILED event it was given ({@code ifAbandoned}), stored in the directory's outbox. Either {@link
 * #finished} or that takeover wins, atomically: every attempt has exactly one final event. The
 * journal instance that journaled a writeback holds its lease; only the holder's {@link #finished}
 * ends it, and a takeover moves the lease to the node that ended it.
 *
 * <p>A durable journal offers {@link #takeOverExpired}, which hosts run periodically on every node,
 * and {@link #status}; the contract suite {@code WritebackJournalTestSuiteBuilder} (module {@code
 * mystaff-testkit}) checks them with the rest: exactly one terminal state and one final event per
 * writeback, the same state seen by every instance on the same store (another node, or this one
 * after a restart), leases held until they expire, expired leases taken over once, and typed errors
 * for unknown writebacks. The default, {@link #none()}, keeps nothing: a writeback lives and dies
 * with its node. Implementations are thread-safe.
 *
 * @since 0.1.0
 */
public interface WritebackJournal {

  /**
   * Records that a writeback is about to be submitted.
   *
   * @param pending the attempt's PENDING event, already recorded
   * @param ifAbandoned the FAILED event to store as the attempt's final event if no node finishes
   *     the writeback within {@code lease}
   * @param lease how long the submitting node has to finish the writeback (core's writeback
   *     deadline, after which core itself ends it); not negative. This instance holds the lease;
   *     submitting a writeback journaled already changes nothing (a retry journals it once)
   * @throws io.mystaff.api.ProviderFailureException if the journal could not record it (or cannot
   *     tell whether it did); core then submits nothing and ends the attempt with {@code
   *     ifAbandoned} itself, the very event a takeover would store, so the attempt still has one
   *     final event (same id) if the submission was journaled after all
   */
  void submitted(AuditEvent pending, AuditEvent ifAbandoned, Duration lease);

  /**
   * Records a status change of a running writeback whose lease this instance holds; best effort
   * (core ignores a failure here). A terminal status, a writeback that has ended and one whose
   * lease another instance holds are left as they are: only {@link #finished} and {@link
   * #takeOverExpired} end a writeback.
   *
   * @param writeback the correlation id of the writeback's attempt
   * @param status the new status
   * @throws io.mystaff.api.InvalidInputException (code {@code writeback.unknown}) if a durable
   *     journal's store never journaled {@code writeback}; the default journal keeps nothing and
   *     ignores every call
   */
  default void progressed(CorrelationId writeback, WritebackStatus status) {}

  /**
   * Ends the writeback of {@code finalEvent}'s attempt, if this journal instance still holds its
   * lease. A durable journal stores the writeback's end and {@code finalEvent} in one transaction.
   *
   * @param finalEvent the attempt's final SUCCEEDED or FAILED event
   * @return true if {@code finalEvent} is the attempt's one final event: the writeback was still
   *     running under this instance's lease and is now ended with it (or was already ended with
   *     this very event), or it was never journaled; the caller then commits it to the outbox
   *     (again, for a durable journal: the outbox keeps an event id once). False if the writeback
   *     was ended otherwise (another node's takeover after the lease, or an earlier end with
   *     another event) or its lease is held by another instance: the caller stores no event
   * @throws io.mystaff.api.ProviderFailureException if the journal could not record the end (or
   *     cannot tell whether it did): the caller stores no event, since the journal still ends the
   *     writeback exactly once, with {@code finalEvent} if this end committed after all, else with
   *     its {@code ifAbandoned} event after the lease
   */
  boolean finished(AuditEvent finalEvent);

  /**
   * Ends every writeback of this journal's store whose lease expired (its node died, or lost the
   * store, before it could end it): each with its {@code ifAbandoned} event (timestamped now)
   * stored as its one final event, atomically with its end, and its lease moved to this instance.
   * Hosts with a durable journal run this periodically on every node, for example every few
   * seconds; any number of nodes may run it at once, and a writeback is ended by exactly one of
   * them or by its holder's {@link #finished}.
   *
   * @return the correlation ids of the writebacks this call ended (none for the default journal,
   *     which keeps nothing to take over)
   * @throws io.mystaff.api.ProviderFailureException if the store could not be reached; nothing was
   *     ended
   */
  default List<CorrelationId> takeOverExpired() {
    return List.of();
  }

  /**
   * The journaled status of a writeback: {@link WritebackStatus#SUBMITTED} or {@link
   * WritebackStatus#IN_PROGRESS} while it runs, {@link WritebackStatus#SUCCEEDED} or {@link
   * WritebackStatus#FAILED} once ended, by its holder or by a takeover (FAILED). Every instance on
   * the same store answers the same.
   *
   * @param writeback the correlation id of the writeback's attempt
   * @return its status
   * @throws io.mystaff.api.InvalidInputException (code {@code writeback.unknown}) if the store
   *     never journaled {@code writeback}, always for the default journal, which keeps nothing
   * @throws io.mystaff.api.ProviderFailureException if the store could not be reached
   */
  default WritebackStatus status(CorrelationId writeback) {
    requireNonNull(writeback, "writeback");
    throw unknownWriteback();
  }

  /**
   * Checks the arguments of {@link #submitted} as every journal must: none null, the lease not
   * negative, both events of one attempt.
   *
   * @param pending the pending event
   * @param ifAbandoned the final event to store if the writeback is abandoned
   * @param lease how long the journaling instance holds the writeback
   * @throws NullPointerException if an argument is null
   * @throws InvalidInputException if the lease is negative or the events' correlation ids differ
   * @since 0.1.0
   */
  static void checkSubmission(AuditEvent pending, AuditEvent ifAbandoned, Duration lease) {
    requireNonNull(pending, "pending");
    requireNonNull(ifAbandoned, "ifAbandoned");
    requireNonNull(lease, "lease");
    if (lease.isNegative()) {
      throw InvalidInputException.of("lease", "must not be negative");
    }
    if (!ifAbandoned.correlationId().equals(pending.correlationId())) {
      throw InvalidInputException.of("ifAbandoned", "must be an event of the pending attempt");
    }
  }

  /**
   * The error for a writeback this journal's store never journaled.
   *
   * @return an {@link InvalidInputException} for field {@code writeback}, code {@code
   *     writeback.unknown}
   */
  static InvalidInputException unknownWriteback() {
    return InvalidInputException.of(
        "writeback", "was never journaled in this journal's store", "writeback.unknown");
  }

  /**
   * The journal that keeps nothing, for single-node hosts and in-memory providers.
   *
   * @return the journal
   */
  static WritebackJournal none() {
    return NoJournal.INSTANCE;
  }
}

/** The journal that keeps nothing. */
enum NoJournal implements WritebackJournal {
  INSTANCE;

  @Override
  public void submitted(AuditEvent pending, AuditEvent ifAbandoned, Duration lease) {}

  @Override
  public boolean finished(AuditEvent finalEvent) {
    return true;
  }

  @Override
  public String toString() {
    return "WritebackJournal.none()";
  }
}
