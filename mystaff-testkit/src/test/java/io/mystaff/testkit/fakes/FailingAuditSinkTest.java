package io.mystaff.testkit.fakes;

import static io.mystaff.testkit.fakes.Events.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.ErrorCode;
import io.mystaff.api.ProviderFailureException;
import io.mystaff.api.audit.AuditEvent;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class FailingAuditSinkTest {
  private final RecordingAuditSink stored = new RecordingAuditSink();
  private final FailingAuditSink sink = FailingAuditSink.wrapping(stored);

  @Test
  void record_noFailureScheduled_delegates() {
    AuditEvent e = event("a");

    sink.record(e);

    assertThat(stored.events()).containsExactly(e);
    assertThat(sink.attempts()).isEqualTo(1);
    assertThat(sink.failures()).isZero();
  }

  @Test
  void record_failNextTwo_failsTwiceWithoutStoringThenDelegates() {
    sink.failNext(2);

    assertThatThrownBy(() -> sink.record(event("a")))
        .isInstanceOfSatisfying(
            ProviderFailureException.class,
            e -> {
              assertThat(e.provider()).isEqualTo(FailingAuditSink.PROVIDER);
              assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_FAILURE);
              assertThat(e.getMessage()).contains("event a");
            });
    assertThatThrownBy(() -> sink.record(event("b"))).isInstanceOf(ProviderFailureException.class);
    sink.record(event("c"));

    assertThat(stored.events()).extracting(AuditEvent::id).containsExactly("c");
    assertThat(sink.attempts()).isEqualTo(3);
    assertThat(sink.failures()).isEqualTo(2);
  }

  @Test
  void record_failAlways_failsUntilRecovered() {
    sink.failAlways();
    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(() -> sink.record(event("x")))
          .isInstanceOf(ProviderFailureException.class);
    }

    sink.recover();
    sink.record(event("y"));

    assertThat(stored.events()).extracting(AuditEvent::id).containsExactly("y");
    assertThat(sink.failures()).isEqualTo(5);
  }

  @Test
  void record_failWhile_followsTheSwitch() {
    AtomicBoolean down = new AtomicBoolean(true);
    sink.failWhile(down::get);

    assertThatThrownBy(() -> sink.record(event("a"))).isInstanceOf(ProviderFailureException.class);
    down.set(false);
    sink.record(event("b"));
    down.set(true);
    assertThatThrownBy(() -> sink.record(event("c"))).isInstanceOf(ProviderFailureException.class);

    assertThat(stored.events()).extracting(AuditEvent::id).containsExactly("b");
  }

  @Test
  void recover_afterFailNext_cancelsRemainingFailures() {
    sink.failNext(3);
    assertThatThrownBy(() -> sink.record(event("a"))).isInstanceOf(ProviderFailureException.class);

    sink.recover();
    sink.record(event("b"));

    assertThat(sink.failures()).isEqualTo(1);
    assertThat(stored.size()).isEqualTo(1);
  }

  @Test
  void failNext_negative_throws() {
    assertThatThrownBy(() -> sink.failNext(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
