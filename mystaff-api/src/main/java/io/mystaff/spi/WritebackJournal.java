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
 * #finished} or that takeover wins, atomically: every attempt has exactly one final event.
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
   * @throws io.mystaff.api.ProviderFailureException if the journal could not record it; core then
   *     submits nothing and ends the attempt FAILED
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
   * Ends the writeback of {@code finalEvent}'s attempt.
   *
   * @param finalEvent the attempt's final SUCCEEDED or FAILED event
   * @return true if the writeback was still running (or never journaled): {@code finalEvent} is the
   *     attempt's one final event and the caller commits it to the outbox (a durable journal also
   *     stores it with the writeback's end, atomically); false if another node already ended the
   *     writeback with its {@code ifAbandoned} event: the caller stores no event
   * @throws io.mystaff.api.ProviderFailureException if the journal could not be reached; the caller
   *     then commits the event as if true
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
