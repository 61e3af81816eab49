package io.mystaff.testkit.contract;

import java.util.List;

/**
 * The contract suite of a durable {@link io.mystaff.spi.WritebackJournal}: a writeback goes from
 * submitted through its progress to exactly one terminal state with exactly one final event stored;
 * every instance on the same store (another node, or this node after a restart) sees the same
 * state; the instance that journaled a writeback holds its lease, which no other instance's {@code
 * finished}, {@code progressed} or takeover can break while it lasts; an expired lease is taken
 * over once, with the prepared event, also when the holder races it; unknown writebacks are typed
 * errors. A differential law runs seeded random operations on two instances against the in-memory
 * reference ({@code InMemoryWritebackJournal} of {@code mystaff-inmemory}).
 *
 * <pre>{@code
 * @TestFactory
 * DynamicContainer journalContract() {
 *   return WritebackJournalTestSuiteBuilder
 *       .using(tenant -> {
 *         AcmeOutbox outbox = AcmeOutbox.createTemporary();
 *         return new WritebackJournalStore(
 *             () -> AcmeJournal.create(outbox, Duration.ZERO), outbox::pending);
 *       })
 *       .named("Acme journal")
 *       .build();
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class WritebackJournalTestSuiteBuilder
    extends ContractSuiteBuilder<
        WritebackJournalTestSuiteBuilder, WritebackJournalStore, WritebackJournalFeature> {

  private WritebackJournalTestSuiteBuilder(
      SubjectFactory<? extends WritebackJournalStore> factory) {
    super("WritebackJournal", WritebackJournalFeature.class, factory);
  }

  /**
   * A suite over journal stores made by {@code factory} (which may ignore the tenant), a new empty
   * store per call.
   */
  public static WritebackJournalTestSuiteBuilder using(
      SubjectFactory<? extends WritebackJournalStore> factory) {
    return new WritebackJournalTestSuiteBuilder(factory);
  }

  @Override
  List<Law<WritebackJournalStore, WritebackJournalFeature>> laws() {
    return WritebackJournalLaws.ALL;
  }
}
