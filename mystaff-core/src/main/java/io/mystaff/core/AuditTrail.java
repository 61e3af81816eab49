package io.mystaff.core;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.ProviderFailureException;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.password.WritebackFailure;
import io.mystaff.spi.AuditSink;
import io.mystaff.spi.DirectoryWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where events go. Events of attempts that changed nothing (denied, failed, views, sign-ins, the
 * pending step of a writeback) are recorded directly and fail the attempt when the sink fails.
 * Events of successful writes are committed by the {@link DirectoryWriter} with the write and
 * relayed from its outbox to the sink. Final writeback events that the sink refused wait in an
 * in-memory queue. Thread-safe.
 */
final class AuditTrail {
  /** A provider (directory, writer, writeback) failed; nothing changed. */
  static final String PROVIDER_FAILURE = "PROVIDER_FAILURE";
  /** The new password did not satisfy the applicable policy. */
  static final String PASSWORD_POLICY_VIOLATION = "PASSWORD_POLICY_VIOLATION";
  /** Every compare-and-set round lost to a concurrent write. */
  static final String CONCURRENT_MODIFICATION = "CONCURRENT_MODIFICATION";
  /** The target user disappeared while the attempt was under way. */
  static final String UNKNOWN_USER = "UNKNOWN_USER";
  /** The reason of the pending event of a writeback. */
  static final String WRITEBACK_SUBMITTED = "WRITEBACK_SUBMITTED";
  /** The additional detail naming the role assignment that permitted an action. */
  static final String GRANTED_BY_KEY = "grantedByAssignment";

  private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
  private static final int RELAY_BATCH = 100;

  private final AuditSink sink;
  private final DirectoryWriter writer;
  private final Queue<AuditEvent> retry = new ConcurrentLinkedQueue<>();
  private final ReentrantLock relaying = new ReentrantLock();

  AuditTrail(AuditSink sink, DirectoryWriter writer) {
    this.sink = requireNonNull(sink, "sink");
    this.writer = requireNonNull(writer, "writer");
  }

  /** The reason code of a failed writeback. */
  static String writebackFailure(WritebackFailure failure) {
    return "WRITEBACK_" + failure.name();
  }

  /**
   * Records {@code event} in the sink now.
   *
   * @throws ProviderFailureException if the sink did not store it
   */
  void record(AuditEvent event) {
    try {
      sink.record(event);
    } catch (RuntimeException e) {
      throw new ProviderFailureException("audit sink", "could not record the " + event.outcome()
          + " event of " + event.activity() + " (correlation " + event.correlationId() + ")", e);
    }
  }

  /**
   * Records {@code event}, the record of an attempt that ends in {@code outcome}, and returns
   * {@code outcome} for the caller to throw; if the sink fails, returns the sink's {@link
   * ProviderFailureException} instead, with {@code outcome} attached as suppressed.
   */
  RuntimeException recordEnding(AuditEvent event, RuntimeException outcome) {
    try {
      record(event);
    } catch (ProviderFailureException sinkDown) {
      sinkDown.addSuppressed(outcome);
      return sinkDown;
    }
    return outcome;
  }

  /** Records {@code event} now, or, if the sink refuses it, keeps it for the next flush. */
  void recordOrQueue(AuditEvent event) {
    try {
      sink.record(event);
    } catch (RuntimeException e) {
      retry.add(event);
      LOG.warn("Audit sink refused the {} event of {} (correlation {}); queued in memory for flushAudit()",
          event.outcome(), event.activity(), event.correlationId(), e);
    }
  }

  /**
   * Delivers the queued events, then every outbox event, to the sink, acknowledging each batch
   * once the sink has stored it. Delivery is at least once: an event whose acknowledgement was lost
   * is delivered again with the same id.
   *
   * @throws ProviderFailureException if the sink or the outbox failed; undelivered events stay
   */
  void flush() {
    relaying.lock();
    try {
      drainQueue();
      drainOutbox();
    } finally {
      relaying.unlock();
    }
  }

  /** {@link #flush()}, logging instead of throwing: the events stay safe where they are. */
  void flushQuietly() {
    try {
      flush();
    } catch (ProviderFailureException e) {
      LOG.warn("Audit relay deferred; events stay in the outbox until the next flushAudit()", e);
    }
  }

  /** The number of final writeback events waiting in memory for the sink. */
  int queued() {
    return retry.size();
  }

  private void drainQueue() {
    for (AuditEvent e = retry.peek(); e != null; e = retry.peek()) {
      record(e);
      retry.remove();
    }
  }

  private void drainOutbox() {
    while (true) {
      List<AuditEvent> batch;
      try {
        batch = writer.pendingAuditEvents(RELAY_BATCH);
      } catch (RuntimeException e) {
        throw new ProviderFailureException("directory writer", "could not read the audit outbox", e);
      }
      if (batch.isEmpty()) {
        return;
      }
      List<String> delivered = new ArrayList<>(batch.size());
      try {
        for (AuditEvent e : batch) {
          record(e);
          delivered.add(e.id());
        }
      } finally {
        acknowledge(delivered);
      }
      if (batch.size() < RELAY_BATCH) {
        return; // whatever arrived meanwhile waits for the next relay, which follows its write
      }
    }
  }

  private void acknowledge(List<String> delivered) {
    if (delivered.isEmpty()) {
      return;
    }
    try {
      writer.acknowledgeAuditEvents(delivered);
    } catch (RuntimeException e) {
      throw new ProviderFailureException("directory writer", "could not acknowledge delivered audit events", e);
    }
  }
}
