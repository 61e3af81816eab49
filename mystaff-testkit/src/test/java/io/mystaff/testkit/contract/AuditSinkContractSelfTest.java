package io.mystaff.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.api.audit.AuditEvent;
import io.mystaff.inmemory.InMemoryAuditLog;
import io.mystaff.spi.AuditSink;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The audit-sink contract can fail: sinks that drop, duplicate, alter or reorder events. */
class AuditSinkContractSelfTest {

  @Test
  void sinkDroppingEvents_failsTheNoneLostLaws() {
    SuiteRun run = SuiteRun.of(DropsEveryHundredth.class);
    assertThat(run.failed())
        .as("%s", run)
        .containsExactlyInAnyOrder(
            "record_manyEvents_noneLost", "record_concurrently_noneLostNoneDoubled");
  }

  @Test
  void boundedLogSmallerThanTheLaws_failsTheNoneLostLaws() {
    SuiteRun run = SuiteRun.of(TooSmallLog.class);
    assertThat(run.failed()).as("%s", run).contains("record_manyEvents_noneLost");
  }

  @Test
  void sinkKeepingDuplicates_failsTheClaimedDeduplication_butNotTheAtLeastOnceLaw() {
    SuiteRun run = SuiteRun.of(KeepsDuplicates.class);
    assertThat(run.failed())
        .as("%s", run)
        .containsExactlyInAnyOrder(
            "record_sameIdAgain_storedOnce", AuditSinkFidelityLaws.DIFFERENTIAL);
    assertThat(run.passed()).as("%s", run).contains("record_sameIdAgain_keptAtLeastOnce");
  }

  @Test
  void sinkAlteringEvents_failsTheAsGivenLaws() {
    SuiteRun run = SuiteRun.of(AddsADetail.class);
    assertThat(run.failed())
        .as("%s", run)
        .contains(
            "record_oneEvent_storedExactlyAsGiven",
            "record_everyActivityAndOutcome_storedExactlyAsGiven");
  }

  @Test
  void sinkReturningEventsByTime_failsTheClaimedOrder() {
    SuiteRun run = SuiteRun.of(OrdersByTime.class);
    assertThat(run.failed())
        .as("%s", run)
        .containsExactlyInAnyOrder(
            "record_oneThread_readBackInRecordingOrder", AuditSinkFidelityLaws.DIFFERENTIAL);
  }

  @Test
  void suppressedLaw_reportedSkippedWithItsReason() {
    SuiteRun run = SuiteRun.of(SuppressedOrder.class);
    assertThat(run.skipped())
        .as("%s", run)
        .containsExactly("record_oneThread_readBackInRecordingOrder");
    assertThat(run.failed()).as("%s", run).isEmpty();
  }

  /** A sink over a list, deduplicating by id; each broken sink changes one thing. */
  private static class ListSink implements AuditSink {
    final Map<String, AuditEvent> byId = new LinkedHashMap<>();

    @Override
    public synchronized void record(AuditEvent event) {
      byId.putIfAbsent(event.id(), event);
    }

    synchronized List<AuditEvent> all() {
      return List.copyOf(byId.values());
    }
  }

  @SelfTestOnly
  static class DropsEveryHundredth {
    @TestFactory
    DynamicContainer suite() {
      return AuditSinkTestSuiteBuilder.using(
              t -> {
                AtomicInteger seen = new AtomicInteger();
                ListSink sink =
                    new ListSink() {
                      @Override
                      public synchronized void record(AuditEvent event) {
                        if (seen.incrementAndGet() % 100 != 0) {
                          super.record(event);
                        }
                      }
                    };
                return new ReadableAuditSink(sink, sink::all);
              })
          .named("drops every hundredth")
          .withFeatures(AuditSinkFeature.values())
          .build();
    }
  }

  @SelfTestOnly
  static class TooSmallLog {
    @TestFactory
    DynamicContainer suite() {
      return AuditSinkTestSuiteBuilder.using(
              t -> {
                InMemoryAuditLog log = InMemoryAuditLog.withCapacity(500);
                return new ReadableAuditSink(log, log::all);
              })
          .named("log of 500")
          .withFeatures(AuditSinkFeature.values())
          .build();
    }
  }

  @SelfTestOnly
  static class KeepsDuplicates {
    @TestFactory
    DynamicContainer suite() {
      List<AuditEvent> events = new CopyOnWriteArrayList<>();
      return AuditSinkTestSuiteBuilder.using(
              t -> {
                events.clear();
                return new ReadableAuditSink(events::add, () -> List.copyOf(events));
              })
          .named("keeps duplicates")
          .withFeatures(AuditSinkFeature.values())
          .build();
    }
  }

  @SelfTestOnly
  static class AddsADetail {
    @TestFactory
    DynamicContainer suite() {
      return AuditSinkTestSuiteBuilder.using(
              t -> {
                ListSink sink =
                    new ListSink() {
                      @Override
                      public synchronized void record(AuditEvent e) {
                        Map<String, String> details = new LinkedHashMap<>(e.additionalDetails());
                        details.put("storedBy", "acme");
                        super.record(
                            new AuditEvent(
                                e.id(),
                                e.activityDateTime(),
                                e.activity(),
                                e.outcome(),
                                e.resultReason(),
                                e.correlationId(),
                                e.initiatedBy(),
                                e.targets(),
                                details,
                                e.loggedByService()));
                      }
                    };
                return new ReadableAuditSink(sink, sink::all);
              })
          .named("adds a detail")
          .withFeatures(AuditSinkFeature.values())
          .build();
    }
  }

  @SelfTestOnly
  static class OrdersByTime {
    @TestFactory
    DynamicContainer suite() {
      return AuditSinkTestSuiteBuilder.using(
              t -> {
                InMemoryAuditLog log = new InMemoryAuditLog();
                return new ReadableAuditSink(
                    log, () -> log.between(java.time.Instant.MIN, java.time.Instant.MAX));
              })
          .named("orders by time")
          .withFeatures(AuditSinkFeature.values())
          .build();
    }
  }

  @SelfTestOnly
  static class SuppressedOrder {
    @TestFactory
    DynamicContainer suite() {
      return AuditSinkTestSuiteBuilder.using(
              t -> {
                InMemoryAuditLog log = new InMemoryAuditLog();
                return new ReadableAuditSink(
                    log, () -> log.between(java.time.Instant.MIN, java.time.Instant.MAX));
              })
          .named("orders by time, suppressed")
          .withFeatures(AuditSinkFeature.DEDUPLICATES_BY_ID)
          .suppressing(
              "record_oneThread_readBackInRecordingOrder",
              "reads back by time; documented in AcmeSink")
          .build();
    }
  }
}
