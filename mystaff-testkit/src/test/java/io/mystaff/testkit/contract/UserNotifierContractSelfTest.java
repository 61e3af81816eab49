package io.mystaff.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.api.audit.AuditActivity;
import io.mystaff.spi.UserNotification;
import io.mystaff.spi.UserNotifier;
import io.mystaff.testkit.fakes.RecordingUserNotifier;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The notifier contract can fail: notifiers that throw, drop, alter, reorder or block fail the laws
 * they break, and a sound one passes them all.
 */
class UserNotifierContractSelfTest {

  @Test
  void recordingFake_passesEveryLaw() {
    SuiteRun run = SuiteRun.of(Recording.class);
    assertThat(run.failed()).as("%s", run).isEmpty();
    assertThat(run.passed()).as("%s", run).hasSize(UserNotifierLaws.ALL.size());
  }

  @Test
  void notifierThrowingOnPhoneChanges_failsTheLawsSendingThem() {
    SuiteRun run = SuiteRun.of(ThrowsOnPhoneChanges.class);
    assertThat(run.failed())
        .as("%s", run)
        .contains(
            "send_everyKindOfChange_acceptedExactlyAsGiven",
            "send_edgeValues_acceptedWithoutThrowing",
            "send_concurrently_noneLostNoneDoubled");
    assertThat(run.passed()).as("%s", run).contains("send_passwordReset_acceptedExactlyAsGiven");
  }

  @Test
  void notifierDroppingNotifications_failsTheNoneLostLaw() {
    SuiteRun run = SuiteRun.of(DropsEveryHundredth.class);
    assertThat(run.failed()).as("%s", run).containsExactly("send_concurrently_noneLostNoneDoubled");
  }

  @Test
  void notifierAlteringNotifications_failsTheAsGivenLaws() {
    SuiteRun run = SuiteRun.of(TruncatesTimes.class);
    assertThat(run.failed())
        .as("%s", run)
        .contains(
            "send_everyKindOfChange_acceptedExactlyAsGiven",
            "send_edgeValues_acceptedWithoutThrowing");
  }

  @Test
  void notifierReorderingNotifications_failsTheClaimedOrder() {
    SuiteRun run = SuiteRun.of(OrdersByTime.class);
    assertThat(run.failed()).as("%s", run).containsExactly("send_oneThread_acceptedInSendingOrder");
  }

  @Test
  void notifierBlockingItsCaller_failsThePromptnessLaw() {
    SuiteRun run = SuiteRun.of(BlocksWorkerThreads.class);
    assertThat(run.failed()).as("%s", run).contains("send_returnsWithinTheTimeout");
    assertThat(run.failureOf("send_returnsWithinTheTimeout")).contains("queue of its own");
  }

  /** A recording notifier whose one method a subclass breaks. */
  private static class ListNotifier implements UserNotifier {
    final List<UserNotification> accepted = new ArrayList<>();

    @Override
    public synchronized void send(UserNotification notification) {
      accepted.add(notification);
    }

    synchronized List<UserNotification> all() {
      return List.copyOf(accepted);
    }
  }

  @SelfTestOnly
  static class Recording {
    @TestFactory
    DynamicContainer suite() {
      return UserNotifierTestSuiteBuilder.using(
              t -> {
                RecordingUserNotifier n = RecordingUserNotifier.create();
                return new ReadableUserNotifier(n, n::notifications);
              })
          .named("recording")
          .withFeatures(UserNotifierFeature.values())
          .build();
    }
  }

  @SelfTestOnly
  static class ThrowsOnPhoneChanges {
    @TestFactory
    DynamicContainer suite() {
      return UserNotifierTestSuiteBuilder.using(
              t -> {
                ListNotifier n =
                    new ListNotifier() {
                      @Override
                      public synchronized void send(UserNotification notification) {
                        if (notification.activity() != AuditActivity.RESET_PASSWORD) {
                          throw new IllegalStateException(
                              "no template for " + notification.activity());
                        }
                        super.send(notification);
                      }
                    };
                return new ReadableUserNotifier(n, n::all);
              })
          .named("throws on phone changes")
          .withFeatures(UserNotifierFeature.values())
          .build();
    }
  }

  @SelfTestOnly
  static class DropsEveryHundredth {
    @TestFactory
    DynamicContainer suite() {
      return UserNotifierTestSuiteBuilder.using(
              t -> {
                AtomicInteger seen = new AtomicInteger();
                ListNotifier n =
                    new ListNotifier() {
                      @Override
                      public synchronized void send(UserNotification notification) {
                        if (seen.incrementAndGet() % 100 != 0) {
                          super.send(notification);
                        }
                      }
                    };
                return new ReadableUserNotifier(n, n::all);
              })
          .named("drops every hundredth")
          .withFeatures(UserNotifierFeature.values())
          .build();
    }
  }

  @SelfTestOnly
  static class TruncatesTimes {
    @TestFactory
    DynamicContainer suite() {
      return UserNotifierTestSuiteBuilder.using(
              t -> {
                ListNotifier n =
                    new ListNotifier() {
                      @Override
                      public synchronized void send(UserNotification x) {
                        super.send(
                            new UserNotification(
                                x.user(),
                                x.activity(),
                                x.correlationId(),
                                x.occurredAt().truncatedTo(ChronoUnit.HOURS),
                                x.changedBy(),
                                x.phoneType(),
                                x.previousPhone()));
                      }
                    };
                return new ReadableUserNotifier(n, n::all);
              })
          .named("truncates times")
          .withFeatures(UserNotifierFeature.values())
          .build();
    }
  }

  @SelfTestOnly
  static class OrdersByTime {
    @TestFactory
    DynamicContainer suite() {
      return UserNotifierTestSuiteBuilder.using(
              t -> {
                ListNotifier n = new ListNotifier();
                return new ReadableUserNotifier(
                    n,
                    () ->
                        n.all().stream()
                            .sorted(Comparator.comparing(UserNotification::occurredAt))
                            .toList());
              })
          .named("orders by time")
          .withFeatures(UserNotifierFeature.values())
          .build();
    }
  }

  /**
   * Blocks every call made off the thread that created it, as a synchronous call to a dead mail
   * server would.
   */
  @SelfTestOnly
  static class BlocksWorkerThreads {
    @TestFactory
    DynamicContainer suite() {
      return UserNotifierTestSuiteBuilder.using(
              t -> {
                Thread creator = Thread.currentThread();
                CountDownLatch never = new CountDownLatch(1);
                ListNotifier n =
                    new ListNotifier() {
                      @Override
                      public synchronized void send(UserNotification notification) {
                        if (Thread.currentThread() != creator) {
                          try {
                            never.await();
                          } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                          }
                        }
                        super.send(notification);
                      }
                    };
                return new ReadableUserNotifier(n, n::all);
              })
          .named("blocks worker threads")
          .withTimeout(Duration.ofMillis(300))
          .withFeatures(UserNotifierFeature.values())
          .build();
    }
  }
}
