package io.mystaff.testkit.contract;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.audit.AuditEvent;
import io.mystaff.spi.WritebackJournal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Writeback journals on one store, and a way to read back the final events the store holds: the
 * subject of {@link WritebackJournalTestSuiteBuilder}. Each {@link #newJournal()} is a new journal
 * instance on the same store, as another node (or this node after a restart) builds one: its own
 * lease holder. Closing the store closes every journal it made that is {@link AutoCloseable}. Not
 * thread-safe (the laws make their journals on one thread).
 *
 * @since 0.1.0
 */
public final class WritebackJournalStore implements AutoCloseable {
  private final Supplier<? extends WritebackJournal> journals;
  private final Supplier<List<AuditEvent>> storedEvents;
  private final List<WritebackJournal> made = new ArrayList<>();

  /**
   * A store whose journals come from {@code journals}.
   *
   * @param journals makes a new journal instance on this store at each call, with no grace period
   *     added to leases (the laws use leases of zero and of an hour)
   * @param storedEvents every final event the store holds, from ends and takeovers, in any order:
   *     for a journal that stores them in a directory's outbox, that outbox's pending events
   */
  public WritebackJournalStore(
      Supplier<? extends WritebackJournal> journals, Supplier<List<AuditEvent>> storedEvents) {
    this.journals = requireNonNull(journals, "journals");
    this.storedEvents = requireNonNull(storedEvents, "storedEvents");
  }

  /**
   * A new journal instance on this store.
   *
   * @return the journal
   * @throws AssertionError if the factory returned null
   */
  public WritebackJournal newJournal() {
    WritebackJournal journal = journals.get();
    if (journal == null) {
      throw new AssertionError("the journal factory returned null");
    }
    made.add(journal);
    return journal;
  }

  /**
   * The final events the store holds.
   *
   * @return them, in any order
   */
  public List<AuditEvent> storedEvents() {
    return List.copyOf(storedEvents.get());
  }

  @Override
  public void close() {
    Object[] parts = made.toArray();
    made.clear();
    Closing.close(parts);
  }

  @Override
  public String toString() {
    return "WritebackJournalStore{" + made.size() + " journals}";
  }
}
