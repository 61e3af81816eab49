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
}
