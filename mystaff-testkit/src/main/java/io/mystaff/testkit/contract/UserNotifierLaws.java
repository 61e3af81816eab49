package io.mystaff.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.UserId;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.directory.PhoneNumber;
import io.mystaff.api.directory.PhoneType;
import io.mystaff.spi.UserNotification;
import io.mystaff.testkit.fixtures.Tenant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The laws of {@link UserNotifierTestSuiteBuilder}. */
final class UserNotifierLaws {
  private static final Tenant NO_TENANT = Tenant.builder().build();
  private static final Instant AT = Instant.parse("2026-03-01T08:00:00Z");
  private static final int MANY = 1_000;
  private static final int THREADS = 4;

  static final List<Law<ReadableUserNotifier, UserNotifierFeature>> ALL =
      List.of(
          Law.of("send_passwordReset_acceptedExactlyAsGiven", UserNotifierLaws::acceptsAsGiven),
          Law.of(
              "send_everyKindOfChange_acceptedExactlyAsGiven", UserNotifierLaws::acceptsEveryKind),
          Law.of("send_edgeValues_acceptedWithoutThrowing", UserNotifierLaws::acceptsEdgeValues),
          Law.of("send_returnsWithinTheTimeout", UserNotifierLaws::returnsPromptly),
          Law.of("send_concurrently_noneLostNoneDoubled", UserNotifierLaws::acceptsConcurrently),
          Law.of(
              "send_oneThread_acceptedInSendingOrder",
              UserNotifierFeature.KEEPS_SENDING_ORDER,
              UserNotifierLaws::keepsOrder));

  private UserNotifierLaws() {}

  private static void acceptsAsGiven(Trial<ReadableUserNotifier> t) throws Exception {
    ReadableUserNotifier n = t.subject(NO_TENANT);
    UserNotification reset =
        UserNotification.passwordReset(
            UserId.of("alice"), CorrelationId.of("c-1"), AT, UserId.of("nina"));
    n.notifier().send(reset);
    assertThat(n.accepted().get())
        .as("accepted after sending one notification: that one, unaltered")
        .containsExactly(reset);
  }

  private static void acceptsEveryKind(Trial<ReadableUserNotifier> t) throws Exception {
    ReadableUserNotifier n = t.subject(NO_TENANT);
    List<UserNotification> sent = new ArrayList<>();
    sent.add(
        UserNotification.passwordReset(
            UserId.of("bob"), CorrelationId.of("k-0"), AT, UserId.of("nina")));
    int i = 1;
    for (PhoneType type : PhoneType.values()) {
      for (AuditActivity activity :
          List.of(
              AuditActivity.ADD_PHONE, AuditActivity.UPDATE_PHONE, AuditActivity.DELETE_PHONE)) {
        Optional<PhoneNumber> previous =
            activity == AuditActivity.ADD_PHONE
                ? Optional.empty()
                : Optional.of(PhoneNumber.of("+1425555010" + (i % 10)));
        sent.add(
            new UserNotification(
                UserId.of("bob"),
                activity,
                CorrelationId.of("k-" + i),
                AT.plusSeconds(i),
                UserId.of("nina"),
                Optional.of(type),
                previous));
        i++;
      }
    }
    sent.forEach(n.notifier()::send);
    assertThat(n.accepted().get())
        .as("accepted after a reset and every phone change of every type")
        .containsExactlyInAnyOrderElementsOf(sent);
  }

  private static void acceptsEdgeValues(Trial<ReadableUserNotifier> t) throws Exception {
    ReadableUserNotifier n = t.subject(NO_TENANT);
    List<UserNotification> sent =
        List.of(
            UserNotification.passwordReset(
                UserId.of("Zoë-Ångström.ü"),
                CorrelationId.of("e-1"),
                Instant.EPOCH,
                UserId.of("m")),
            UserNotification.passwordReset(
                UserId.of("u".repeat(200)),
                CorrelationId.of("e".repeat(100)),
                Instant.parse("9999-12-31T23:59:59.999999999Z"),
                UserId.of("x".repeat(200))),
            new UserNotification(
                UserId.of("u1"),
                AuditActivity.DELETE_PHONE,
                CorrelationId.of("e-3"),
                AT,
                UserId.of("m"),
                Optional.of(PhoneType.OFFICE),
                Optional.of(PhoneNumber.of("+14255550100", "12345"))),
            new UserNotification(
                UserId.of("u1"),
                AuditActivity.UPDATE_PHONE,
                CorrelationId.of("e-4"),
                AT,
                UserId.of("m"),
                Optional.of(PhoneType.MOBILE),
                Optional.of(PhoneNumber.of("+861234567890123"))));
    for (UserNotification notification : sent) {
      n.notifier().send(notification);
    }
    assertThat(n.accepted().get())
        .as("accepted after sending notifications with edge values")
        .containsExactlyInAnyOrderElementsOf(sent);
  }

  private static void returnsPromptly(Trial<ReadableUserNotifier> t) throws Exception {
    ReadableUserNotifier n = t.subject(NO_TENANT);
    ExecutorService caller = Executors.newSingleThreadExecutor();
    try {
      Future<?> call =
          caller.submit(
              () -> {
                for (int i = 0; i < 10; i++) {
                  n.notifier()
                      .send(
                          UserNotification.passwordReset(
                              UserId.of("alice"),
                              CorrelationId.of("p-" + i),
                              AT,
                              UserId.of("nina")));
                }
              });
      try {
        call.get(t.timeout().toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        throw new AssertionError(
            "ten sends did not return within "
                + t.timeout()
                + ": a notifier must hand slow delivery to a queue of its own, never block mystaff");
      }
    } finally {
      caller.shutdownNow();
    }
  }

  private static void acceptsConcurrently(Trial<ReadableUserNotifier> t) throws Exception {
    ReadableUserNotifier n = t.subject(NO_TENANT);
    List<UserNotification> all = new ArrayList<>();
    List<Callable<Void>> senders = new ArrayList<>();
    for (int th = 0; th < THREADS; th++) {
      List<UserNotification> mine = notifications("t" + th + "-", MANY / THREADS, t.random());
      all.addAll(mine);
      senders.add(
          () -> {
            mine.forEach(n.notifier()::send);
            return null;
          });
    }
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      for (Future<Void> f :
          pool.invokeAll(senders, t.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
        assertThat(f.isCancelled())
            .as("a sending thread finished within %s", t.timeout())
            .isFalse();
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(n.accepted().get())
        .as("accepted after %d threads sent %d notifications each", THREADS, MANY / THREADS)
        .containsExactlyInAnyOrderElementsOf(all);
  }

  private static void keepsOrder(Trial<ReadableUserNotifier> t) throws Exception {
    ReadableUserNotifier n = t.subject(NO_TENANT);
    List<UserNotification> sent = notifications("o", 50, t.random());
    sent.forEach(n.notifier()::send);
    assertThat(n.accepted().get())
        .as("accepted in sending order (timestamps are shuffled on purpose)")
        .containsExactlyElementsOf(sent);
  }

  /** {@code count} distinct notifications of random kinds with shuffled timestamps. */
  private static List<UserNotification> notifications(String prefix, int count, Random r) {
    List<UserNotification> list = new ArrayList<>(count);
    PhoneType[] types = PhoneType.values();
    for (int i = 0; i < count; i++) {
      UserId user = UserId.of("user" + r.nextInt(20));
      CorrelationId id = CorrelationId.of(prefix + i);
      Instant at = AT.plusSeconds(r.nextInt(100_000));
      list.add(
          switch (r.nextInt(3)) {
            case 0 -> UserNotification.passwordReset(user, id, at, UserId.of("nina"));
            case 1 ->
                new UserNotification(
                    user,
                    AuditActivity.ADD_PHONE,
                    id,
                    at,
                    UserId.of("nina"),
                    Optional.of(types[r.nextInt(types.length)]),
                    Optional.empty());
            default ->
                new UserNotification(
                    user,
                    AuditActivity.UPDATE_PHONE,
                    id,
                    at,
                    UserId.of("nina"),
                    Optional.of(types[r.nextInt(types.length)]),
                    Optional.of(PhoneNumber.of(String.format("+1425555%04d", r.nextInt(10_000)))));
          });
    }
    return list;
  }
}
