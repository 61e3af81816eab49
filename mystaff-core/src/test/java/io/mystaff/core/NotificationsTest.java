package io.mystaff.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.UserId;
import io.mystaff.spi.UserNotification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

class NotificationsTest {
  private static final UserNotification RESET =
      UserNotification.passwordReset(
          UserId.of("alice"),
          CorrelationId.of("c-1"),
          Instant.parse("2026-03-01T08:00:00Z"),
          UserId.of("nina"));

  @Test
  void send_deliversOnTheExecutor() {
    List<UserNotification> sent = new ArrayList<>();
    List<Runnable> queued = new ArrayList<>();
    Notifications notifications = new Notifications(sent::add, queued::add);
    notifications.send(RESET);
    assertThat(sent).as("not before the executor runs it").isEmpty();
    queued.forEach(Runnable::run);
    assertThat(sent).containsExactly(RESET);
  }

  @Test
  void throwingNotifier_swallowed() {
    Notifications notifications =
        new Notifications(
            n -> {
              throw new AssertionError("a notifier may even throw an Error");
            },
            Runnable::run);
    assertThatCode(() -> notifications.send(RESET)).doesNotThrowAnyException();
  }

  @Test
  void refusingExecutor_swallowed() {
    List<UserNotification> sent = new ArrayList<>();
    Notifications notifications =
        new Notifications(
            sent::add,
            task -> {
              throw new RejectedExecutionException("queue full");
            });
    assertThatCode(() -> notifications.send(RESET)).doesNotThrowAnyException();
    assertThat(sent).isEmpty();
  }

  @Test
  void none_sendsNothingAndNeverThrows() {
    assertThatCode(() -> Notifications.none().send(RESET)).doesNotThrowAnyException();
  }
}
