package io.mystaff.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.UserId;
import io.mystaff.api.password.WritebackFailure;
import io.mystaff.api.password.WritebackResult;
import io.mystaff.api.password.WritebackStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class WritebackHandleTest {
  private final WritebackHandle handle =
      new WritebackHandle(UserId.of("u1"), CorrelationId.of("c1"));

  @Test
  void new_submittedWithoutResult() {
    assertThat(handle.status()).isEqualTo(WritebackStatus.SUBMITTED);
    assertThat(handle.progress()).containsExactly(WritebackStatus.SUBMITTED);
    assertThat(handle.result()).isEmpty();
    assertThat(handle.completion().toCompletableFuture()).isNotDone();
  }

  @Test
  void onStatus_registeredFirst_hearsEveryStatusInOrder() {
    List<WritebackStatus> heard = new ArrayList<>();
    handle.onStatus(heard::add);
    handle.advance(WritebackStatus.IN_PROGRESS);
    handle.finish(WritebackResult.succeeded());
    assertThat(heard)
        .containsExactly(
            WritebackStatus.SUBMITTED, WritebackStatus.IN_PROGRESS, WritebackStatus.SUCCEEDED);
  }

  @Test
  void onStatus_registeredAfterCompletion_replaysHistory() {
    handle.advance(WritebackStatus.IN_PROGRESS);
    handle.finish(WritebackResult.failed(WritebackFailure.UNREACHABLE));
    List<WritebackStatus> heard = new ArrayList<>();
    handle.onStatus(heard::add);
    assertThat(heard)
        .containsExactly(
            WritebackStatus.SUBMITTED, WritebackStatus.IN_PROGRESS, WritebackStatus.FAILED);
    assertThat(handle.result()).contains(WritebackResult.failed(WritebackFailure.UNREACHABLE));
  }

  @Test
  void advance_backwardsRepeatedOrTerminal_ignored() {
    handle.advance(WritebackStatus.IN_PROGRESS);
    handle.advance(WritebackStatus.IN_PROGRESS);
    handle.advance(WritebackStatus.SUBMITTED);
    handle.advance(WritebackStatus.SUCCEEDED);
    assertThat(handle.progress())
        .containsExactly(WritebackStatus.SUBMITTED, WritebackStatus.IN_PROGRESS);
    assertThat(handle.result()).isEmpty();
  }

  @Test
  void advance_afterFinish_ignored() {
    handle.finish(WritebackResult.succeeded());
    handle.advance(WritebackStatus.IN_PROGRESS);
    assertThat(handle.progress())
        .containsExactly(WritebackStatus.SUBMITTED, WritebackStatus.SUCCEEDED);
  }

  @Test
  void finish_twice_firstResultWins() {
    handle.finish(WritebackResult.failed(WritebackFailure.POLICY_VIOLATION));
    handle.finish(WritebackResult.succeeded());
    assertThat(handle.status()).isEqualTo(WritebackStatus.FAILED);
    assertThat(handle.completion().toCompletableFuture().join())
        .isEqualTo(WritebackResult.failed(WritebackFailure.POLICY_VIOLATION));
  }

  @Test
  void onStatus_listenerThrows_othersStillHear() {
    List<WritebackStatus> heard = new ArrayList<>();
    handle.onStatus(
        s -> {
          throw new IllegalStateException("listener bug");
        });
    handle.onStatus(heard::add);
    handle.finish(WritebackResult.succeeded());
    assertThat(heard).containsExactly(WritebackStatus.SUBMITTED, WritebackStatus.SUCCEEDED);
  }

  @Test
  void completion_callerTriesToComplete_cannot() {
    CompletableFuture<WritebackResult> view = handle.completion().toCompletableFuture();
    view.complete(WritebackResult.succeeded());
    assertThat(handle.result()).isEmpty();
    assertThat(handle.status()).isEqualTo(WritebackStatus.SUBMITTED);
  }

  @Test
  void finish_listenerHearingTheFinalStatus_seesTheResult() {
    List<Optional<WritebackResult>> seen = new ArrayList<>();
    handle.onStatus(
        s -> {
          if (s.isTerminal()) {
            seen.add(handle.result());
          }
        });
    handle.finish(WritebackResult.failed(WritebackFailure.UNREACHABLE));
    assertThat(seen)
        .containsExactly(Optional.of(WritebackResult.failed(WritebackFailure.UNREACHABLE)));
  }

  @Test
  void removeStatusListener_removed_hearsNoMoreAndIsNotCounted() {
    List<WritebackStatus> heard = new ArrayList<>();
    Consumer<WritebackStatus> listener = heard::add;
    handle.onStatus(listener);
    assertThat(handle.statusListenerCount()).isEqualTo(1);

    assertThat(handle.removeStatusListener(listener)).isTrue();
    handle.advance(WritebackStatus.IN_PROGRESS);

    assertThat(heard).containsExactly(WritebackStatus.SUBMITTED);
    assertThat(handle.statusListenerCount()).isZero();
    assertThat(handle.removeStatusListener(listener)).isFalse();
  }

  @Test
  void removeStatusListener_registeredTwice_removesOneRegistration() {
    List<WritebackStatus> heard = new ArrayList<>();
    Consumer<WritebackStatus> listener = heard::add;
    handle.onStatus(listener);
    handle.onStatus(listener);

    assertThat(handle.removeStatusListener(listener)).isTrue();
    handle.advance(WritebackStatus.IN_PROGRESS);

    assertThat(heard)
        .containsExactly(
            WritebackStatus.SUBMITTED, WritebackStatus.SUBMITTED, WritebackStatus.IN_PROGRESS);
    assertThat(handle.statusListenerCount()).isEqualTo(1);
  }

  @Test
  void removeStatusListener_fromInsideTheListener_othersStillHear() {
    List<WritebackStatus> heard = new ArrayList<>();
    List<Consumer<WritebackStatus>> self = new ArrayList<>();
    Consumer<WritebackStatus> once =
        s -> {
          if (s == WritebackStatus.IN_PROGRESS) {
            handle.removeStatusListener(self.get(0));
          }
        };
    self.add(once);
    handle.onStatus(once);
    handle.onStatus(heard::add);

    handle.advance(WritebackStatus.IN_PROGRESS);
    handle.finish(WritebackResult.succeeded());

    assertThat(heard)
        .containsExactly(
            WritebackStatus.SUBMITTED, WritebackStatus.IN_PROGRESS, WritebackStatus.SUCCEEDED);
    assertThat(handle.statusListenerCount()).isZero();
  }

  @Test
  void finish_releasesEveryListener_andLaterOnesAreNotKept() {
    handle.onStatus(s -> {});
    handle.onStatus(s -> {});

    handle.finish(WritebackResult.succeeded());
    List<WritebackStatus> heard = new ArrayList<>();
    handle.onStatus(heard::add);

    assertThat(handle.statusListenerCount()).isZero();
    assertThat(heard).containsExactly(WritebackStatus.SUBMITTED, WritebackStatus.SUCCEEDED);
  }
}
