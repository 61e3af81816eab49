package io.mystaff.testkit.fakes;

import static io.mystaff.testkit.fakes.Events.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RecordingAuditSinkTest {
  private final RecordingAuditSink sink = new RecordingAuditSink();

  @Test
  void record_severalEvents_keepsThemInCallOrderWithDuplicates() {
    AuditEvent a = event("a");
    AuditEvent b = event("b");

    sink.record(a);
    sink.record(b);
    sink.record(a);

    assertThat(sink.events()).containsExactly(a, b, a);
    assertThat(sink.size()).isEqualTo(3);
    assertThat(sink.last()).contains(a);
  }

  @Test
  void events_snapshot_isImmutableAndUnaffectedByLaterRecords() {
    sink.record(event("a"));
    List<AuditEvent> snapshot = sink.events();

    sink.record(event("b"));

    assertThat(snapshot).hasSize(1);
    assertThatThrownBy(() -> snapshot.add(event("c")))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void single_exactlyOneEvent_returnsIt() {
    AuditEvent a = event("a");
    sink.record(a);

    assertThat(sink.single()).isSameAs(a);
  }

  @Test
  void single_noEvent_failsSayingNoneRecorded() {
    assertThatThrownBy(sink::single)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("found 0")
        .hasMessageContaining("(none)");
  }

  @Test
  void single_twoEvents_failsListingBoth() {
    sink.record(event("first"));
    sink.record(event("second", AuditActivity.ADD_PHONE, AuditOutcome.DENIED, "bob"));

    assertThatThrownBy(sink::single)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("found 2")
        .hasMessageContaining("first RESET_PASSWORD SUCCEEDED")
        .hasMessageContaining("second ADD_PHONE DENIED");
  }

  @Test
  void single_withFilter_picksTheOnlyMatch() {
    sink.record(event("a", AuditActivity.RESET_PASSWORD, AuditOutcome.DENIED, "alice"));
    sink.record(event("b", AuditActivity.ADD_PHONE, AuditOutcome.SUCCEEDED, "alice"));

    assertThat(sink.single(e -> e.outcome() == AuditOutcome.SUCCEEDED).id()).isEqualTo("b");
  }

  @Test
  void queries_filterByActivityOutcomeCorrelationAndTarget() {
    AuditEvent reset = event("r", AuditActivity.RESET_PASSWORD, AuditOutcome.FAILED, "alice");
    AuditEvent phone = event("p", AuditActivity.ADD_PHONE, AuditOutcome.SUCCEEDED, "bob");
    sink.record(reset);
    sink.record(phone);

    assertThat(sink.events(AuditActivity.ADD_PHONE)).containsExactly(phone);
    assertThat(sink.events(AuditOutcome.FAILED)).containsExactly(reset);
    assertThat(sink.events(CorrelationId.of("corr-r"))).containsExactly(reset);
    assertThat(sink.eventsAbout("bob")).containsExactly(phone);
    assertThat(sink.eventsAbout("nobody")).isEmpty();
  }

  @Test
  void clear_afterRecords_forgetsEverything() {
    sink.record(event("a"));

    sink.clear();

    assertThat(sink.isEmpty()).isTrue();
    assertThat(sink.last()).isEmpty();
  }

  @Test
  void record_fromManyThreads_keepsEveryEvent() throws Exception {
    int threads = 8;
    int perThread = 500;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < perThread; i++) {
                    sink.record(event(thread + "-" + i));
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(sink.events())
        .extracting(AuditEvent::id)
        .doesNotHaveDuplicates()
        .hasSize(threads * perThread);
  }
}
