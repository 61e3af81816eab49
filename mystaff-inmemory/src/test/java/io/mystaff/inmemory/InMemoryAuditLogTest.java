package io.mystaff.inmemory;

import static io.mystaff.inmemory.AuditEvents.T0;
import static io.mystaff.inmemory.AuditEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.ProviderFailureException;
import io.mystaff.api.UserId;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditInitiator;
import io.mystaff.api.audit.AuditOutcome;
import io.mystaff.api.audit.AuditTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class InMemoryAuditLogTest {

  private final AuditEvent a = event("a", AuditActivity.RESET_PASSWORD, "c1", "mgr", "u1", T0);
  private final AuditEvent b =
      event("b", AuditActivity.ADD_PHONE, "c2", "mgr", "u2", T0.plusSeconds(10));
  private final AuditEvent c =
      event("c", AuditActivity.RESET_PASSWORD, "c1", "boss", "u1", T0.minusSeconds(5));

  @Test
  void record_events_allReturnsThemInRecordingOrder() {
    InMemoryAuditLog log = new InMemoryAuditLog();
    log.record(a);
    log.record(b);
    log.record(c);

    assertThat(log.all()).containsExactly(a, b, c);
    assertThat(log.size()).isEqualTo(3);
    assertThat(log.refusedCount()).isZero();
  }

  @Test
  void record_sameIdTwice_storesItOnce() {
    InMemoryAuditLog log = new InMemoryAuditLog();
    log.record(a);
    log.record(event("a", AuditActivity.ADD_PHONE, "c9", "other", "u9", T0));

    assertThat(log.all()).containsExactly(a);
    assertThat(log.byCorrelationId(CorrelationId.of("c9"))).isEmpty();
  }

  @Test
  void queries_eachIndex_returnMatchingEventsInRecordingOrder() {
    InMemoryAuditLog log = new InMemoryAuditLog();
    List.of(a, b, c).forEach(log::record);

    assertThat(log.byCorrelationId(CorrelationId.of("c1"))).containsExactly(a, c);
    assertThat(log.forTarget("u1")).containsExactly(a, c);
    assertThat(log.forTarget("u2")).containsExactly(b);
    assertThat(log.byInitiator(UserId.of("mgr"))).containsExactly(a, b);
    assertThat(log.byActivity(AuditActivity.RESET_PASSWORD)).containsExactly(a, c);
    assertThat(log.byActivity(AuditActivity.SIGN_IN)).isEmpty();
    assertThat(log.forTarget("nobody")).isEmpty();
  }

  @Test
  void between_range_isHalfOpenAndOrderedByTime() {
    InMemoryAuditLog log = new InMemoryAuditLog();
    List.of(a, b, c).forEach(log::record);

    assertThat(log.between(T0.minusSeconds(5), T0.plusSeconds(10))).containsExactly(c, a);
    assertThat(log.between(T0.minusSeconds(60), T0.plusSeconds(60))).containsExactly(c, a, b);
    assertThat(log.between(T0, T0)).isEmpty();
  }

  @Test
  void between_endBeforeStart_isRejected() {
    InMemoryAuditLog log = new InMemoryAuditLog();

    assertThatThrownBy(() -> log.between(T0, T0.minusSeconds(1)))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void forTarget_eventWithTheTargetTwice_isListedOnce() {
    AuditTarget target =
        new AuditTarget("u1", "User", Optional.empty(), Optional.empty(), List.of());
    AuditEvent twice =
        AuditEvent.builder()
            .id("t")
            .activityDateTime(T0)
            .activity(AuditActivity.UPDATE_PHONE)
            .outcome(AuditOutcome.SUCCEEDED)
            .correlationId(CorrelationId.of("c"))
            .initiatedBy(new AuditInitiator(UserId.of("mgr"), Optional.empty(), Optional.empty()))
            .target(target)
            .target(target)
            .build();
    InMemoryAuditLog log = InMemoryAuditLog.withCapacity(1);

    log.record(twice);
    assertThat(log.forTarget("u1")).containsExactly(twice);
    log.clear();
    log.record(a);
    assertThat(log.forTarget("u1")).containsExactly(a);
  }

  @Test
  void withCapacity_full_refusesNewEventsAndDropsNone() {
    InMemoryAuditLog log = InMemoryAuditLog.withCapacity(2);
    log.record(a);
    log.record(b);

    assertThatThrownBy(() -> log.record(c))
        .isInstanceOf(ProviderFailureException.class)
        .hasMessageContaining("full");

    assertThat(log.all()).containsExactly(a, b);
    assertThat(log.refusedCount()).isEqualTo(1);
    assertThat(log.byCorrelationId(CorrelationId.of("c1"))).doesNotContain(c);
    log.record(b); // a redelivered copy of a stored event is accepted: it is already there
    assertThat(log.refusedCount()).isEqualTo(1);
    log.clear();
    log.record(c);
    assertThat(log.all()).containsExactly(c);
  }

  @Test
  void withCapacity_notPositive_isRejected() {
    assertThatThrownBy(() -> InMemoryAuditLog.withCapacity(0))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void queries_randomBoundedLog_agreeWithFilteringTheStoredEvents() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    int capacity = 1 + random.nextInt(40);
    InMemoryAuditLog log = InMemoryAuditLog.withCapacity(capacity);
    List<AuditEvent> recorded = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      AuditEvent e =
          event(
              "e" + random.nextInt(150),
              AuditActivity.values()[random.nextInt(AuditActivity.values().length)],
              "c" + random.nextInt(10),
              "i" + random.nextInt(5),
              "t" + random.nextInt(8),
              T0.plusSeconds(random.nextInt(100)));
      boolean stored = recorded.stream().anyMatch(r -> r.id().equals(e.id()));
      if (!stored && recorded.size() == capacity) {
        assertThatThrownBy(() -> log.record(e))
            .as("seed %d: a full log refuses", seed)
            .isInstanceOf(ProviderFailureException.class);
        continue;
      }
      if (!stored) {
        recorded.add(e);
      }
      log.record(e);
    }
    String why = "seed " + seed;

    assertThat(log.all()).as(why).containsExactlyElementsOf(recorded);
    for (int k = 0; k < 10; k++) {
      String key = "c" + k;
      assertThat(log.byCorrelationId(CorrelationId.of(key)))
          .as(why)
          .containsExactlyElementsOf(filter(recorded, e -> e.correlationId().value().equals(key)));
      String target = "t" + k;
      assertThat(log.forTarget(target))
          .as(why)
          .containsExactlyElementsOf(filter(recorded, e -> e.targets().get(0).id().equals(target)));
      String initiator = "i" + k;
      assertThat(log.byInitiator(UserId.of(initiator)))
          .as(why)
          .containsExactlyElementsOf(
              filter(recorded, e -> e.initiatedBy().id().value().equals(initiator)));
    }
    for (AuditActivity activity : AuditActivity.values()) {
      assertThat(log.byActivity(activity))
          .as(why)
          .containsExactlyElementsOf(filter(recorded, e -> e.activity() == activity));
    }
    Instant from = T0.plusSeconds(random.nextInt(50));
    Instant to = from.plus(Duration.ofSeconds(random.nextInt(50)));
    List<AuditEvent> expected =
        new ArrayList<>(
            filter(
                recorded,
                e -> !e.activityDateTime().isBefore(from) && e.activityDateTime().isBefore(to)));
    expected.sort(java.util.Comparator.comparing(AuditEvent::activityDateTime));
    assertThat(log.between(from, to)).as(why).containsExactlyElementsOf(expected);
  }

  @Test
  void record_concurrentWriters_storeEveryEventExactlyOnce() throws Exception {
    InMemoryAuditLog log = new InMemoryAuditLog();
    int threads = 8;
    int perThread = 500;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < perThread; i++) {
                    // Every thread also re-records one id another thread records.
                    log.record(
                        event(
                            "e" + thread + "-" + i,
                            AuditActivity.UPDATE_PHONE,
                            "c" + i,
                            "mgr" + thread,
                            "u" + i,
                            T0));
                    log.record(
                        event(
                            "e" + ((thread + 1) % threads) + "-" + i,
                            AuditActivity.UPDATE_PHONE,
                            "c" + i,
                            "mgr" + ((thread + 1) % threads),
                            "u" + i,
                            T0));
                    log.size();
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(log.size()).isEqualTo(threads * perThread);
    assertThat(log.forTarget("u7")).hasSize(threads);
    assertThat(log.byInitiator(UserId.of("mgr3"))).hasSize(perThread);
  }

  private static List<AuditEvent> filter(List<AuditEvent> events, Predicate<AuditEvent> p) {
    return events.stream().filter(p).toList();
  }
}
