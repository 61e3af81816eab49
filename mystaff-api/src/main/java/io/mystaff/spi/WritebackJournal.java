package io.mystaff.spi;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.password.WritebackStatus;
import java.time.Duration;

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
 * <p>The default, {@link #none()}, keeps nothing: a writeback lives and dies with its node.
 * Implementations are thread-safe.
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
   *     deadline, after which core itself ends it)
   * @throws io.mystaff.api.ProviderFailureException if the journal could not record it (or cannot
   *     tell whether it did); core then submits nothing and ends the attempt with {@code
   *     ifAbandoned} itself, the very event a takeover would store, so the attempt still has one
   *     final event (same id) if the submission was journaled after all
   */
  void submitted(AuditEvent pending, AuditEvent ifAbandoned, Duration lease);

  /**
   * Records a status change of a running writeback; best effort (core ignores a failure here).
   *
   * @param writeback the correlation id of the writeback's attempt
   * @param status the new status
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
