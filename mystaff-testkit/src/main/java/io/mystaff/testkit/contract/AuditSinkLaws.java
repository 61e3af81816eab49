package io.mystaff.testkit.contract;

import static io.mystaff.testkit.contract.ContractEvents.ids;
import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.api.UserId;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditOutcome;
import io.mystaff.api.audit.ModifiedProperty;
import io.mystaff.testkit.fixtures.Tenant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** The laws of {@link AuditSinkTestSuiteBuilder}. */
final class AuditSinkLaws {
  private static final Tenant NO_TENANT = Tenant.builder().build();
  private static final int MANY = 1_000;
  private static final int THREADS = 4;

  static final List<Law<ReadableAuditSink, AuditSinkFeature>> ALL =
      List.of(
          Law.of("record_oneEvent_storedExactlyAsGiven", AuditSinkLaws::storesAsGiven),
          Law.of(
              "record_everyActivityAndOutcome_storedExactlyAsGiven",
              AuditSinkLaws::storesEveryShape),
          Law.of("record_manyEvents_noneLost", AuditSinkLaws::storesMany),
          Law.of("record_concurrently_noneLostNoneDoubled", AuditSinkLaws::storesConcurrently),
          Law.of("record_sameIdAgain_keptAtLeastOnce", AuditSinkLaws::keepsRedelivered),
          Law.of(
              "record_sameIdAgain_storedOnce",
              AuditSinkFeature.DEDUPLICATES_BY_ID,
              AuditSinkLaws::deduplicates),
          Law.of(
              "record_oneThread_readBackInRecordingOrder",
              AuditSinkFeature.KEEPS_RECORDING_ORDER,
              AuditSinkLaws::keepsOrder));

  private AuditSinkLaws() {}

  private static void storesAsGiven(Trial<ReadableAuditSink> t) throws Exception {
    ReadableAuditSink s = t.subject(NO_TENANT);
    AuditEvent event = ContractEvents.phoneChange("a1", UserId.of("alice"));
    s.sink().record(event);
    assertThat(s.stored().get())
        .as("stored after recording one event: that event, unaltered, nothing added")
        .containsExactly(event);
  }

  private static void storesEveryShape(Trial<ReadableAuditSink> t) throws Exception {
    ReadableAuditSink s = t.subject(NO_TENANT);
    List<AuditEvent> recorded = new ArrayList<>();
    int n = 0;
    for (AuditActivity activity : AuditActivity.values()) {
      for (AuditOutcome outcome : AuditOutcome.values()) {
        List<ModifiedProperty> modified =
            n % 2 == 0
                ? List.of()
                : List.of(
                    ModifiedProperty.of(
                        "officePhone", Optional.empty(), Optional.of("+14255550100")));
        AuditEvent e =
            ContractEvents.event(
                "shape-" + n++,
                UserId.of("bob"),
                activity,
                outcome,
                ContractEvents.AT.plusSeconds(n),
                modified);
        s.sink().record(e);
        recorded.add(e);
      }
    }
    assertThat(s.stored().get())
        .as("stored events of every activity and outcome")
        .containsExactlyInAnyOrderElementsOf(recorded);
  }

  private static void storesMany(Trial<ReadableAuditSink> t) throws Exception {
    ReadableAuditSink s = t.subject(NO_TENANT);
    List<AuditEvent> recorded = events("m", MANY, t.random());
    recorded.forEach(s.sink()::record);
    List<AuditEvent> stored = s.stored().get();
    assertThat(stored).as("stored after recording %d events", MANY).hasSize(MANY);
    assertThat(stored)
        .as("stored after recording %d events", MANY)
        .containsExactlyInAnyOrderElementsOf(recorded);
  }

  private static void storesConcurrently(Trial<ReadableAuditSink> t) throws Exception {
    ReadableAuditSink s = t.subject(NO_TENANT);
    List<AuditEvent> all = new ArrayList<>();
    List<Callable<Void>> recorders = new ArrayList<>();
    for (int th = 0; th < THREADS; th++) {
      List<AuditEvent> mine = events("t" + th + "-", MANY / THREADS, t.random());
      all.addAll(mine);
      recorders.add(
          () -> {
            mine.forEach(s.sink()::record);
            return null;
          });
    }
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      for (Future<Void> f :
          pool.invokeAll(recorders, t.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
        assertThat(f.isCancelled())
            .as("a recording thread finished within %s", t.timeout())
            .isFalse();
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(ids(s.stored().get()))
        .as("ids stored after %d threads recorded %d events each", THREADS, MANY / THREADS)
        .containsExactlyInAnyOrderElementsOf(ids(all));
  }

  private static void keepsRedelivered(Trial<ReadableAuditSink> t) throws Exception {
    ReadableAuditSink s = t.subject(NO_TENANT);
    AuditEvent event = ContractEvents.passwordReset("again", UserId.of("alice"));
    s.sink().record(event);
    s.sink().record(event);
    assertThat(s.stored().get())
        .as("stored after recording one event twice")
        .contains(event)
        .containsOnly(event);
  }

  private static void deduplicates(Trial<ReadableAuditSink> t) throws Exception {
    ReadableAuditSink s = t.subject(NO_TENANT);
    AuditEvent first = ContractEvents.passwordReset("dup", UserId.of("alice"));
    AuditEvent other = ContractEvents.phoneChange("other", UserId.of("bob"));
    s.sink().record(first);
    s.sink().record(other);
    s.sink().record(first);
    assertThat(ids(s.stored().get()))
        .as("ids stored after redelivering one event")
        .containsExactlyInAnyOrder("dup", "other");
  }

  private static void keepsOrder(Trial<ReadableAuditSink> t) throws Exception {
    ReadableAuditSink s = t.subject(NO_TENANT);
    List<AuditEvent> recorded = events("o", 50, t.random());
    recorded.forEach(s.sink()::record);
    assertThat(ids(s.stored().get()))
        .as("ids in recording order (timestamps are shuffled on purpose)")
        .containsExactlyElementsOf(ids(recorded));
  }

  /**
   * {@code count} distinct events with shuffled timestamps, so that order by time is not order of
   * recording.
   */
  private static List<AuditEvent> events(String prefix, int count, Random r) {
    List<AuditEvent> events = new ArrayList<>(count);
    AuditActivity[] activities = {
      AuditActivity.RESET_PASSWORD, AuditActivity.UPDATE_PHONE, AuditActivity.VIEW_PROFILE
    };
    for (int i = 0; i < count; i++) {
      events.add(
          ContractEvents.event(
              prefix + i,
              UserId.of("user" + r.nextInt(20)),
              activities[r.nextInt(3)],
              AuditOutcome.SUCCEEDED,
              ContractEvents.AT.plusSeconds(r.nextInt(100_000)),
              List.of()));
    }
    return events;
  }
}
