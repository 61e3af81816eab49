package io.mystaff.inmemory;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditOutcome;
import io.mystaff.api.password.WritebackStatus;
import io.mystaff.spi.DirectoryWriter;
import io.mystaff.spi.WritebackJournal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link WritebackJournal} in memory: the reference that the journal contract suite ({@code
 * WritebackJournalTestSuiteBuilder}) compares durable journals with, and a journal for tests that
 * run several nodes of a host in one JVM. It keeps what a durable journal keeps, but only as long
 * as the JVM: it survives no process.
 *
 * <p>Each instance is one lease holder, as each node builds its own journal; {@link
 * #sharingStore()} makes another instance on the same store (another node, or this node after a
 * restart). Final events, from {@link #finished} and {@link #takeOverExpired}, go to the outbox of
 * the {@link DirectoryWriter} given ({@link DirectoryWriter#appendAuditEvent}) under the store's
 * lock, with the writeback's end: if the outbox refuses an event, the writeback is not ended.
 * Leases run on the clock given; a lease of {@code d} has expired from {@code d} after its
 * submission on. Thread-safe.
 *
 * @since 0.1.0
 */
public final class InMemoryWritebackJournal implements WritebackJournal {
  private final Store store;

  private InMemoryWritebackJournal(Store store) {
    this.store = store;
  }

  /**
   * A journal on a new, empty store.
   *
   * @param outbox where final events are stored (for example the {@link InMemoryDirectory} that
   *     core writes to)
   * @param clock the clock leases run on
   * @return the journal, the store's first lease holder
   */
  public static InMemoryWritebackJournal create(DirectoryWriter outbox, Clock clock) {
    return new InMemoryWritebackJournal(
        new Store(requireNonNull(outbox, "outbox"), requireNonNull(clock, "clock")));
  }

  /**
   * Another journal instance on this journal's store, as another node (or this node after a
   * restart) builds one: it sees every writeback, holds no lease of this instance, and may take
   * over their expired leases.
   *
   * @return the new instance
   */
  public InMemoryWritebackJournal sharingStore() {
    return new InMemoryWritebackJournal(store);
  }

  /**
   * {@inheritDoc}
   *
   * @throws InvalidInputException if {@code lease} is negative, or {@code ifAbandoned} is not an
   *     event of the pending attempt
   */
  @Override
  public void submitted(AuditEvent pending, AuditEvent ifAbandoned, Duration lease) {
    WritebackJournal.checkSubmission(pending, ifAbandoned, lease);
    synchronized (store) {
      store.writebacks.computeIfAbsent(
          pending.correlationId(),
          id -> new Entry(this, store.clock.instant().plus(lease), ifAbandoned));
    }
  }

  @Override
  public void progressed(CorrelationId writeback, WritebackStatus status) {
    requireNonNull(writeback, "writeback");
    requireNonNull(status, "status");
    synchronized (store) {
      Entry e = store.entry(writeback);
      if (e.running() && e.holder == this && !status.isTerminal()) {
        e.status = status;
      }
    }
  }

  @Override
  public boolean finished(AuditEvent finalEvent) {
    requireNonNull(finalEvent, "finalEvent");
    synchronized (store) {
      Entry e = store.writebacks.get(finalEvent.correlationId());
      if (e == null) {
        return true; // never journaled: the caller stores the event
      }
      if (e.running() && e.holder == this) {
        store.outbox.appendAuditEvent(finalEvent); // throws: nothing ended
        e.end(
            finalEvent.outcome() == AuditOutcome.SUCCEEDED
                ? WritebackStatus.SUCCEEDED
                : WritebackStatus.FAILED,
            finalEvent.id());
        return true;
      }
      return e.ended && finalEvent.id().equals(e.finalEventId);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Ends them oldest lease first; each event goes to the outbox.
   */
  @Override
  public List<CorrelationId> takeOverExpired() {
    synchronized (store) {
      Instant now = store.clock.instant();
      List<Map.Entry<CorrelationId, Entry>> expired = new ArrayList<>();
      for (Map.Entry<CorrelationId, Entry> w : store.writebacks.entrySet()) {
        if (w.getValue().running() && !now.isBefore(w.getValue().leaseUntil)) {
          expired.add(w);
        }
      }
      expired.sort(
          Comparator.comparing((Map.Entry<CorrelationId, Entry> w) -> w.getValue().leaseUntil)
              .thenComparing(w -> w.getKey().value()));
      List<CorrelationId> ended = new ArrayList<>();
      for (Map.Entry<CorrelationId, Entry> w : expired) {
        Entry e = w.getValue();
        AuditEvent event = restamped(e.ifAbandoned, now);
        store.outbox.appendAuditEvent(event);
        e.holder = this;
        e.end(WritebackStatus.FAILED, event.id());
        ended.add(w.getKey());
      }
      return List.copyOf(ended);
    }
  }

  @Override
  public WritebackStatus status(CorrelationId writeback) {
    requireNonNull(writeback, "writeback");
    synchronized (store) {
      return store.entry(writeback).status;
    }
  }

  /**
   * The writebacks of this journal's store still running, in the order they were submitted.
   *
   * @return their correlation ids
   */
  public List<CorrelationId> running() {
    synchronized (store) {
      List<CorrelationId> ids = new ArrayList<>();
      store.writebacks.forEach(
          (id, e) -> {
            if (e.running()) {
              ids.add(id);
            }
          });
      return List.copyOf(ids);
    }
  }

  @Override
  public String toString() {
    synchronized (store) {
      return "InMemoryWritebackJournal{" + store.writebacks.size() + " writebacks}";
    }
  }

  private static AuditEvent restamped(AuditEvent e, Instant at) {
    return new AuditEvent(
        e.id(),
        at,
        e.activity(),
        e.outcome(),
        e.resultReason(),
        e.correlationId(),
        e.initiatedBy(),
        e.targets(),
        e.additionalDetails(),
        e.loggedByService());
  }

  /** What every instance on one store shares; guarded by its own monitor. */
  private static final class Store {
    final DirectoryWriter outbox;
    final Clock clock;
    final Map<CorrelationId, Entry> writebacks = new LinkedHashMap<>(); // in submission order

    Store(DirectoryWriter outbox, Clock clock) {
      this.outbox = outbox;
      this.clock = clock;
    }

    Entry entry(CorrelationId writeback) {
      Entry e = writebacks.get(writeback);
      if (e == null) {
        throw WritebackJournal.unknownWriteback();
      }
      return e;
    }
  }

  /** One journaled writeback; guarded by its store's monitor. */
  private static final class Entry {
    InMemoryWritebackJournal holder;
    final Instant leaseUntil;
    final AuditEvent ifAbandoned;
    WritebackStatus status = WritebackStatus.SUBMITTED;
    boolean ended;
    String finalEventId = "";

    Entry(InMemoryWritebackJournal holder, Instant leaseUntil, AuditEvent ifAbandoned) {
      this.holder = holder;
      this.leaseUntil = leaseUntil;
      this.ifAbandoned = ifAbandoned;
    }

    boolean running() {
      return !ended;
    }

    void end(WritebackStatus terminal, String eventId) {
      ended = true;
      status = terminal;
      finalEventId = eventId;
    }
  }
}
