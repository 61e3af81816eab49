package io.mystaff.core;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.ProviderFailureException;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.authz.Decision;
import io.mystaff.api.password.WritebackFailure;
import io.mystaff.spi.AuditSink;
import io.mystaff.spi.DirectoryWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where events go. Events of attempts that changed nothing (denied, failed, views, sign-ins, the
 * pending step of a writeback) are recorded directly and fail the attempt when the sink fails.
 * Events of successful writes are committed by the {@link DirectoryWriter} with the write, and
 * final writeback events are appended to its outbox; both are relayed from the outbox to the sink
 * by the relay executor ({@link #relaySoon()}), never on a lock that changes wait for. Only a final
 * writeback event that neither the outbox nor the sink would take waits in an in-memory queue.
 * Thread-safe.
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

  /** The additional detail naming the delegator, for a change made as deputy. */
  static final String DEPUTY_OF_KEY = "asDeputyOf";

  /** The additional detail naming the delegation a change as deputy was made under. */
  static final String DELEGATION_KEY = "delegationId";

  /**
   * {@code event} with the details of what permitted it: the granting assignment, and for a permit
   * as deputy the delegator and the delegation.
   */
  static AuditEvent.Builder granted(AuditEvent.Builder event, Decision.Permit permit) {
    event.additionalDetail(GRANTED_BY_KEY, permit.grantedBy().id().value());
    permit
        .asDeputy()
        .ifPresent(
            d ->
                event
                    .additionalDetail(DEPUTY_OF_KEY, d.delegator().value())
                    .additionalDetail(DELEGATION_KEY, d.id().value()));
    return event;
  }

  private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
  private static final int RELAY_BATCH = 100;

  private final AuditSink sink;
  private final DirectoryWriter writer;
  private final Executor relay;
  private final Observers observers;
  private final Queue<AuditEvent> retry = new ConcurrentLinkedQueue<>();
  private final ReentrantLock relaying = new ReentrantLock();
  private final AtomicBoolean relayScheduled = new AtomicBoolean();

  /**
   * @param relay where {@link #relaySoon()} relays the outbox: a background thread, so a slow sink
   *     never holds up a change, or the calling thread ({@code Runnable::run})
   */
  AuditTrail(AuditSink sink, DirectoryWriter writer, Executor relay) {
    this(sink, writer, relay, Observers.none());
  }

  AuditTrail(AuditSink sink, DirectoryWriter writer, Executor relay, Observers observers) {
    this.observers = requireNonNull(observers, "observers");
    this.sink = requireNonNull(sink, "sink");
    this.writer = requireNonNull(writer, "writer");
    this.relay = requireNonNull(relay, "relay");
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
      throw new ProviderFailureException(
          "audit sink",
          "could not record the "
              + event.outcome()
              + " event of "
              + event.activity()
              + " (correlation "
              + event.correlationId()
              + ")",
          e);
    }
  }

  /** The listeners that hear of every attempt's end and of writebacks in flight. */
  Observers observers() {
    return observers;
  }

  /**
   * Records {@code event}, the final event of a successful attempt of this call, in the sink now,
   * then tells the listeners.
   *
   * @throws ProviderFailureException if the sink did not store it
   */
  void recordEnd(AuditEvent event) {
    try {
      record(event);
    } finally {
      observers.ended(event, Call.startedNanos());
    }
  }

  /** Tells the listeners that the attempt of this call whose event a writer committed ended. */
  void committed(AuditEvent event, long startedNanos) {
    observers.ended(event, startedNanos);
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
    } finally {
      observers.ended(event, Call.startedNanos());
    }
    return outcome;
  }

  /**
   * Stores the final event of a change made elsewhere (a password written back on premises) durably
   * in the writer's outbox and relays it soon. Only if the outbox refuses it is it recorded in the
   * sink directly, and only if the sink refuses it too is it kept in memory for the next flush (and
   * lost if the process ends first). Never throws.
   */
  void commitFinal(AuditEvent event) {
    commitFinal(event, System.nanoTime());
  }

  /** {@link #commitFinal(AuditEvent)}, then tells the listeners of the attempt begun then. */
  void commitFinal(AuditEvent event, long startedNanos) {
    try {
      storeFinal(event);
    } finally {
      observers.ended(event, startedNanos);
    }
  }

  private void storeFinal(AuditEvent event) {
    try {
      writer.appendAuditEvent(event);
      relaySoon();
      return;
    } catch (Throwable e) { // whatever failed, the event must not be lost
      LOG.warn(
          "The outbox refused the final {} event of {} (correlation {}); recording it in the sink directly",
          event.outcome(),
          event.activity(),
          event.correlationId(),
          e);
    }
    try {
      sink.record(event);
    } catch (Throwable e) { // the sink down too: keep it in memory, never lose it silently
      retry.add(event);
      LOG.warn(
          "Audit sink refused the {} event of {} (correlation {}); queued in memory for flushAudit()",
          event.outcome(),
          event.activity(),
          event.correlationId(),
          e);
    }
  }

  /**
   * Asks the relay executor to deliver the outbox to the sink; returns without waiting for it (with
   * a background executor) and never throws: the events stay in the outbox until a relay succeeds.
   * Requests made while a relay is scheduled but not yet started are served by it.
   */
  void relaySoon() {
    if (!relayScheduled.compareAndSet(false, true)) {
      return;
    }
    try {
      relay.execute(
          () -> {
            relayScheduled.set(false);
            flushQuietly();
          });
    } catch (Throwable e) { // a committed change must not fail because its relay could not run
      relayScheduled.set(false);
      LOG.warn(
          "Audit relay could not be scheduled; events stay in the outbox until the next flushAudit()",
          e);
    }
  }

  /**
   * Delivers the queued events, then every outbox event, to the sink, acknowledging each batch once
   * the sink has stored it. Delivery is at least once: an event whose acknowledgement was lost is
   * delivered again with the same id.
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
    } catch (Throwable e) { // the events stay in the outbox; nothing is lost by not throwing
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
        throw new ProviderFailureException(
            "directory writer", "could not read the audit outbox", e);
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
      throw new ProviderFailureException(
          "directory writer", "could not acknowledge delivered audit events", e);
    }
  }
}
