package io.mystaff.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.ProviderFailureException;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.spi.AuditSink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PostgresOutboxRelayTest {
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  @Test
  void relayAll_fourRelaysAtOnce_eachEventDeliveredOnceAndAcknowledged() throws Exception {
    String name = TestDatabase.freshName("relay");
    PostgresDirectory d = TestDatabase.directory(TestDatabase.dataSource(), name);
    List<AuditEvent> written = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      AuditEvent e = PostgresAuditSinkTest.event("e" + i, T0.plusSeconds(i), "mgr", "u", "c" + i);
      d.appendAuditEvent(e);
      written.add(e);
    }
    PostgresAuditSink store = PostgresAuditSink.create(TestDatabase.dataSource(), name);
    ConcurrentLinkedQueue<String> deliveries = new ConcurrentLinkedQueue<>();
    AuditSink counting =
        event -> {
          deliveries.add(event.id());
          store.record(event);
        };
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Integer>> relays = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        relays.add(
            () ->
                PostgresOutboxRelay.create(TestDatabase.dataSource(), name, counting, 7)
                    .relayAll());
      }
      int total = 0;
      for (Future<Integer> f : pool.invokeAll(relays)) {
        total += f.get();
      }
      assertThat(total).as("events acknowledged by the four relays").isEqualTo(200);
    } finally {
      pool.shutdownNow();
    }
    assertThat(deliveries).as("deliveries: SKIP LOCKED claims never overlap").hasSize(200);
    assertThat(store.find(AuditQuery.all())).containsExactlyInAnyOrderElementsOf(written);
    assertThat(d.pendingAuditEvents(10)).isEmpty();
  }

  @Test
  void relayBatch_sinkFailsMidway_deliveredAcknowledgedRestKeptForTheNextRelay() {
    String name = TestDatabase.freshName("relay");
    PostgresDirectory d = TestDatabase.directory(TestDatabase.dataSource(), name);
    for (int i = 0; i < 5; i++) {
      d.appendAuditEvent(PostgresAuditSinkTest.event("e" + i, T0, "mgr", "u", "c"));
    }
    PostgresAuditSink store = PostgresAuditSink.create(TestDatabase.dataSource(), name);
    AtomicInteger calls = new AtomicInteger();
    AuditSink flaky =
        event -> {
          if (calls.incrementAndGet() == 3) {
            throw new IllegalStateException("sink down");
          }
          store.record(event);
        };
    assertThatThrownBy(
            () ->
                PostgresOutboxRelay.create(TestDatabase.dataSource(), name, flaky, 10).relayBatch())
        .isInstanceOf(ProviderFailureException.class);
    assertThat(d.pendingAuditEvents(10))
        .extracting(AuditEvent::id)
        .containsExactly("e2", "e3", "e4");
    assertThat(PostgresOutboxRelay.create(TestDatabase.dataSource(), name, store, 10).relayAll())
        .isEqualTo(3);
    assertThat(store.find(AuditQuery.all()))
        .extracting(AuditEvent::id)
        .containsExactly("e0", "e1", "e2", "e3", "e4");
  }

  /** {@code n} events appended to a fresh directory's outbox, oldest first. */
  private static List<AuditEvent> appended(PostgresDirectory d, int n) {
    List<AuditEvent> written = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      AuditEvent e = PostgresAuditSinkTest.event("e" + i, T0.plusSeconds(i), "mgr", "u", "c" + i);
      d.appendAuditEvent(e);
      written.add(e);
    }
    return written;
  }

  @Test
  void relayAll_postgresSinkOnTheSameDataSource_fourRelaysMoveEachEventExactlyOnce()
      throws Exception {
    String name = TestDatabase.freshName("move");
    PostgresDirectory d = TestDatabase.directory(TestDatabase.dataSource(), name);
    List<AuditEvent> written = appended(d, 200);
    PostgresAuditSink store = PostgresAuditSink.create(TestDatabase.dataSource(), name);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Integer>> relays = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        relays.add(
            () -> PostgresOutboxRelay.create(TestDatabase.dataSource(), name, store, 7).relayAll());
      }
      int total = 0;
      for (Future<Integer> f : pool.invokeAll(relays)) {
        total += f.get();
      }
      assertThat(total).as("events moved by the four relays").isEqualTo(200);
    } finally {
      pool.shutdownNow();
    }
    assertThat(store.find(AuditQuery.all().limit(1_000)))
        .containsExactlyInAnyOrderElementsOf(written);
    assertThat(d.pendingAuditEvents(10)).isEmpty();
  }

  @Test
  void relayAll_postgresSinkOnTheSameDataSource_oneTransactionOfTwoStatementsPerBatch() {
    CountingDataSource counting = new CountingDataSource(TestDatabase.dataSource());
    String name = TestDatabase.freshName("move");
    PostgresDirectory d = TestDatabase.directory(counting, name);
    List<AuditEvent> written = appended(d, 20);
    PostgresAuditSink store = PostgresAuditSink.create(counting, name);
    counting.reset();
    assertThat(PostgresOutboxRelay.create(counting, name, store, 7).relayAll()).isEqualTo(20);
    // Three batches (7, 7, 6), each: claim, insert-and-delete, COMMIT; then an empty claim.
    assertThat(counting.log())
        .as("round trips")
        .filteredOn(e -> e.startsWith("WITH stored AS (INSERT INTO mystaff_audit"))
        .hasSize(3);
    assertThat(counting.commits()).as("commits (the last one ends the empty claim)").isEqualTo(4);
    assertThat(counting.roundTrips()).isEqualTo(3 * 3 + 2);
    assertThat(store.find(AuditQuery.all())).containsExactlyElementsOf(written);
  }

  @Test
  void
      relayBatch_postgresSinkOnTheSameDataSource_commitLostBeforeTheServer_neitherStoredNorAcked() {
    FaultyDataSource faults = new FaultyDataSource(TestDatabase.dataSource());
    String name = TestDatabase.freshName("move");
    PostgresDirectory d = TestDatabase.directory(faults, name);
    List<AuditEvent> written = appended(d, 5);
    PostgresAuditSink store = PostgresAuditSink.create(faults, name);
    PostgresOutboxRelay relay = PostgresOutboxRelay.create(faults, name, store, 10);
    faults.failCommitUnsent("WITH stored AS", "08006", 1);
    assertThatThrownBy(relay::relayBatch).isInstanceOf(ProviderFailureException.class);
    assertThat(faults.injected).hasValue(1);
    assertThat(store.find(AuditQuery.all())).as("audit log after the failed move").isEmpty();
    assertThat(d.pendingAuditEvents(10)).as("outbox after the failed move").isEqualTo(written);

    faults.loseCommitReply("WITH stored AS", "08006", 1);
    assertThat(relay.relayBatch()).as("moved, though the commit's reply was lost").isEqualTo(5);
    assertThat(faults.injected).hasValue(2);
    assertThat(store.find(AuditQuery.all())).containsExactlyElementsOf(written);
    assertThat(d.pendingAuditEvents(10)).isEmpty();
    assertThat(relay.relayAll()).isZero();
  }

  @Test
  void relayBatch_postgresSinkOnTheSameDataSource_serializationFailure_movedOnceOnRetry() {
    FaultyDataSource faults = new FaultyDataSource(TestDatabase.dataSource());
    String name = TestDatabase.freshName("move");
    PostgresDirectory d = TestDatabase.directory(faults, name);
    List<AuditEvent> written = appended(d, 3);
    PostgresAuditSink store = PostgresAuditSink.create(faults, name);
    faults.failNext("WITH stored AS", "40001", 1);
    assertThat(PostgresOutboxRelay.create(faults, name, store, 10).relayBatch()).isEqualTo(3);
    assertThat(faults.injected).hasValue(1);
    assertThat(store.find(AuditQuery.all())).containsExactlyElementsOf(written);
  }

  @Test
  void relayBatch_postgresSinkOnAnotherDataSource_deliveredThroughTheSinkAtLeastOnce() {
    String name = TestDatabase.freshName("move");
    CountingDataSource relaySide = new CountingDataSource(TestDatabase.dataSource());
    PostgresDirectory d = TestDatabase.directory(relaySide, name);
    List<AuditEvent> written = appended(d, 3);
    CountingDataSource sinkSide = new CountingDataSource(TestDatabase.dataSource());
    PostgresAuditSink store = PostgresAuditSink.create(sinkSide, name);
    relaySide.reset();
    assertThat(PostgresOutboxRelay.create(relaySide, name, store, 10).relayBatch()).isEqualTo(3);
    assertThat(sinkSide.log())
        .as("one record() per event, through the sink's own data source")
        .hasSize(3)
        .allSatisfy(e -> assertThat(e).startsWith("INSERT INTO mystaff_audit"));
    assertThat(relaySide.log())
        .as("the relay's transaction: claim, delete (learning its id), COMMIT")
        .hasSize(3)
        .last()
        .isEqualTo("COMMIT");
    assertThat(store.find(AuditQuery.all())).containsExactlyElementsOf(written);
    relaySide.reset();
    assertThat(PostgresOutboxRelay.create(relaySide, name, store, 10).relayBatch()).isZero();
    assertThat(relaySide.log()).as("an empty claim").hasSize(2);
  }
}
