package io.mystaff.testkit.contract;

import io.mystaff.inmemory.InMemoryDirectory;
import io.mystaff.inmemory.InMemoryWritebackJournal;
import java.time.Clock;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;

/**
 * The in-memory writeback journal, the differential law's reference, runs the journal contract:
 * every instance after the first shares the first one's store.
 */
class InMemoryWritebackJournalContractTest {
  @TestFactory
  DynamicContainer journal() {
    return WritebackJournalTestSuiteBuilder.using(
            tenant -> {
              InMemoryDirectory outbox = Differential.reference(tenant);
              InMemoryWritebackJournal first =
                  InMemoryWritebackJournal.create(outbox, Clock.systemUTC());
              boolean[] handedOut = new boolean[1];
              return new WritebackJournalStore(
                  () -> {
                    if (handedOut[0]) {
                      return first.sharingStore();
                    }
                    handedOut[0] = true;
                    return first;
                  },
                  () -> outbox.pendingAuditEvents(Integer.MAX_VALUE));
            })
        .named("InMemoryWritebackJournal")
        .build();
  }
}
