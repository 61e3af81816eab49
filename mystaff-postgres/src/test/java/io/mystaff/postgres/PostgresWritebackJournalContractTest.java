package io.mystaff.postgres;

import io.mystaff.testkit.contract.WritebackJournalStore;
import io.mystaff.testkit.contract.WritebackJournalTestSuiteBuilder;
import java.time.Duration;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;

/**
 * The writeback journal contract: each subject a fresh directory name in the shared PostgreSQL,
 * whose journals (one per simulated node, no grace) store final events in that directory's outbox.
 */
class PostgresWritebackJournalContractTest {
  @TestFactory
  DynamicContainer journal() {
    return WritebackJournalTestSuiteBuilder.using(
            tenant -> {
              String name = TestDatabase.freshName("journal");
              PostgresDirectory outbox = TestDatabase.directory(TestDatabase.dataSource(), name);
              return new WritebackJournalStore(
                  () ->
                      PostgresWritebackJournal.create(
                          TestDatabase.dataSource(), name, Duration.ZERO),
                  () -> outbox.pendingAuditEvents(10_000));
            })
        .named("PostgresWritebackJournal")
        .build();
  }
}
