package io.mystaff.tests.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.UserId;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditOutcome;
import io.mystaff.api.authz.AccessDeniedException;
import io.mystaff.api.authz.DenyReason;
import io.mystaff.api.authz.StaffAction;
import io.mystaff.api.directory.PhoneNumber;
import io.mystaff.api.directory.PhoneType;
import io.mystaff.api.password.Secret;
import io.mystaff.core.MyStaffSettings;
import io.mystaff.core.PasswordResetResult;
import io.mystaff.core.PhoneChange;
import io.mystaff.core.RateLimit;
import io.mystaff.core.StaffSession;
import io.mystaff.spi.UserNotification;
import io.mystaff.testkit.fakes.RecordingUserNotifier;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Per-manager rate limits on changes, and the notifications users get about changes. */
class LimitsAndNotificationTest {
  private static final UserId ALICE = UserId.of("alice");
  private static final UserId BOB = UserId.of("bob");
  private static final UserId CARL = UserId.of("carl");

  private final RecordingUserNotifier notifier = RecordingUserNotifier.create();
  private Harness harness;

  @AfterEach
  void close() {
    if (harness != null) {
      harness.close();
    }
  }

  private Harness limited(RateLimit resets, RateLimit phones) {
    harness =
        Harness.storeChain(
            b ->
                b.settings(
                        MyStaffSettings.builder()
                            .resetLimit(resets)
                            .phoneChangeLimit(phones)
                            .build())
                    .userNotifier(notifier)
                    .notificationExecutor(Runnable::run));
    return harness;
  }

  @Test
  void resets_beyondTheBurst_deniedRateLimitedWithOneDeniedEvent_thenRefilled() {
    limited(RateLimit.of(2, Duration.ofMinutes(1)), RateLimit.unlimited());
    StaffSession nina = harness.signIn("nina");
    nina.resetPassword(ALICE);
    nina.resetPassword(BOB);
    int before = harness.log.size();

    assertThatThrownBy(() -> nina.resetPassword(ALICE))
        .isInstanceOfSatisfying(
            AccessDeniedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(DenyReason.RATE_LIMITED);
              assertThat(e.action()).isEqualTo(StaffAction.RESET_PASSWORD);
              assertThat(e.target()).isEqualTo(ALICE);
            });

    List<AuditEvent> events = harness.eventsSince(before);
    assertThat(events)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.activity()).isEqualTo(AuditActivity.RESET_PASSWORD);
              assertThat(e.outcome()).isEqualTo(AuditOutcome.DENIED);
              assertThat(e.resultReason()).contains("RATE_LIMITED");
              assertThat(e.targets())
                  .singleElement()
                  .satisfies(t -> assertThat(t.id()).isEqualTo("alice"));
            });
    assertThat(DenyReason.RATE_LIMITED.message()).contains("too many");

    assertThat(harness.signIn("sam").resetPassword(ALICE))
        .as("another manager's own bucket")
        .isInstanceOf(PasswordResetResult.TemporaryPassword.class);
    assertThat(nina.setPhone(ALICE, PhoneType.OFFICE, "+14255550177"))
        .as("phone changes have their own limit")
        .isNotNull();

    harness.clock.advance(Duration.ofMinutes(1));
    assertThat(nina.resetPassword(ALICE))
        .as("one token back after the interval")
        .isInstanceOf(PasswordResetResult.TemporaryPassword.class);
  }

  @Test
  void phoneChanges_beyondTheBurst_deniedWithTheActivityOfTheChange() {
    limited(RateLimit.unlimited(), RateLimit.of(1, Duration.ofSeconds(30)));
    StaffSession nina = harness.signIn("nina");
    nina.setPhone(BOB, PhoneType.OFFICE, "+14255550170");
    int before = harness.log.size();

    assertThatThrownBy(() -> nina.setPhone(BOB, PhoneType.OFFICE, "+14255550171"))
        .isInstanceOfSatisfying(
            AccessDeniedException.class,
            e -> assertThat(e.reason()).isEqualTo(DenyReason.RATE_LIMITED));
    assertThatThrownBy(() -> nina.removePhone(ALICE, PhoneType.MOBILE))
        .isInstanceOf(AccessDeniedException.class);

    assertThat(harness.eventsSince(before))
        .extracting(AuditEvent::activity, AuditEvent::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(AuditActivity.UPDATE_PHONE, AuditOutcome.DENIED),
            org.assertj.core.groups.Tuple.tuple(AuditActivity.DELETE_PHONE, AuditOutcome.DENIED));
    assertThat(harness.user("bob").phone(PhoneType.OFFICE))
        .contains(PhoneNumber.of("+14255550170"));
    assertThat(harness.user("alice").phone(PhoneType.MOBILE)).isPresent();
    for (int i = 0; i < 10; i++) {
      assertThat(nina.resetPassword(BOB)).as("resets unlimited").isNotNull();
    }
  }

  @Test
  void deniedAttempt_takesATokenToo() {
    limited(RateLimit.of(1, Duration.ofMinutes(1)), RateLimit.unlimited());
    StaffSession nina = harness.signIn("nina");
    assertThatThrownBy(
            () -> nina.resetPassword(UserId.of("dora"))) // dora is in south, out of nina's scope
        .isInstanceOfSatisfying(
            AccessDeniedException.class,
            e -> assertThat(e.reason()).isEqualTo(DenyReason.TARGET_OUT_OF_SCOPE));
    assertThatThrownBy(() -> nina.resetPassword(ALICE))
        .isInstanceOfSatisfying(
            AccessDeniedException.class,
            e -> assertThat(e.reason()).isEqualTo(DenyReason.RATE_LIMITED));
  }

  @Test
  void inputRejectedBeforeTheAttempt_takesNoToken() {
    limited(RateLimit.of(1, Duration.ofMinutes(1)), RateLimit.of(1, Duration.ofMinutes(1)));
    StaffSession nina = harness.signIn("nina");
    assertThatThrownBy(() -> nina.setPhone(ALICE, PhoneType.OFFICE, "not a number"))
        .isInstanceOf(io.mystaff.api.InvalidInputException.class);
    assertThatThrownBy(() -> nina.resetPassword(UserId.of("ghost")))
        .isInstanceOf(io.mystaff.api.UnknownUserException.class);
    assertThat(nina.setPhone(ALICE, PhoneType.OFFICE, "+14255550172")).isNotNull();
    assertThat(nina.resetPassword(ALICE)).isNotNull();
  }

  @Test
  void defaults_allowTenResetsAtOnce() {
    harness = Harness.storeChain();
    StaffSession nina = harness.signIn("nina");
    for (int i = 0; i < 10; i++) {
      nina.resetPassword(i % 2 == 0 ? ALICE : BOB);
    }
    assertThatThrownBy(() -> nina.resetPassword(ALICE))
        .isInstanceOfSatisfying(
            AccessDeniedException.class,
            e -> assertThat(e.reason()).isEqualTo(DenyReason.RATE_LIMITED));
  }

  @Test
  void cloudReset_notifiesTheUserWithoutTheSecret() {
    limited(RateLimit.unlimited(), RateLimit.unlimited());
    StaffSession nina = harness.signIn("nina");
    PasswordResetResult result = nina.resetPassword(ALICE);

    assertThat(notifier.notifications())
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n)
                  .isEqualTo(
                      UserNotification.passwordReset(
                          ALICE, result.correlationId(), StoreChain.T0, UserId.of("nina")));
              assertThat(n.phoneType()).isEmpty();
              assertThat(n.previousPhone()).isEmpty();
            });
    String revealed = ((PasswordResetResult.TemporaryPassword) result).password().reveal();
    assertThat(notifier.notifications().toString()).doesNotContain(revealed);
  }

  @Test
  void phoneChanges_notifyAddUpdateAndRemove_withTheOldNumberOnly() {
    limited(RateLimit.unlimited(), RateLimit.unlimited());
    StaffSession nina = harness.signIn("nina");
    PhoneChange added = nina.setPhone(BOB, PhoneType.OFFICE, "+14255550180");
    PhoneChange updated = nina.setPhone(BOB, PhoneType.OFFICE, "+14255550181");
    PhoneChange removed = nina.removePhone(BOB, PhoneType.OFFICE);

    assertThat(notifier.notifications())
        .containsExactly(
            new UserNotification(
                BOB,
                AuditActivity.ADD_PHONE,
                added.correlationId(),
                StoreChain.T0,
                UserId.of("nina"),
                Optional.of(PhoneType.OFFICE),
                Optional.empty()),
            new UserNotification(
                BOB,
                AuditActivity.UPDATE_PHONE,
                updated.correlationId(),
                StoreChain.T0,
                UserId.of("nina"),
                Optional.of(PhoneType.OFFICE),
                Optional.of(PhoneNumber.of("+14255550180"))),
            new UserNotification(
                BOB,
                AuditActivity.DELETE_PHONE,
                removed.correlationId(),
                StoreChain.T0,
                UserId.of("nina"),
                Optional.of(PhoneType.OFFICE),
                Optional.of(PhoneNumber.of("+14255550181"))));
    assertThat(notifier.notifications().toString())
        .as("toString masks the old numbers")
        .doesNotContain("+14255550180")
        .doesNotContain("5550181");
  }

  @Test
  void nothingChanged_deniedOrFailed_notifiesNoOne() {
    limited(RateLimit.unlimited(), RateLimit.unlimited());
    StaffSession nina = harness.signIn("nina");
    nina.setPhone(ALICE, PhoneType.MOBILE, StoreChain.ALICE_MOBILE); // the same number again
    assertThatThrownBy(() -> nina.removePhone(BOB, PhoneType.OFFICE)) // nothing to remove
        .isInstanceOf(io.mystaff.api.directory.PhoneMethodNotFoundException.class);
    assertThatThrownBy(() -> nina.resetPassword(UserId.of("dora")))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> nina.resetPassword(CARL, Secret.of("short")))
        .isInstanceOf(io.mystaff.api.password.PasswordRejectedException.class);
    harness.awaitWritebacks();
    assertThat(notifier.notifications()).isEmpty();
  }

  @Test
  void syncedReset_notifiesOnceTheWritebackSucceeded() throws Exception {
    limited(RateLimit.unlimited(), RateLimit.unlimited());
    StaffSession nina = harness.signIn("nina");
    PasswordResetResult result = nina.resetPassword(CARL, Secret.of("Winter-Orchard-42"));
    ((PasswordResetResult.WritebackPending) result)
        .writeback()
        .completion()
        .toCompletableFuture()
        .get(30, java.util.concurrent.TimeUnit.SECONDS);
    harness.awaitWritebacks();

    assertThat(notifier.notifications())
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.user()).isEqualTo(CARL);
              assertThat(n.activity()).isEqualTo(AuditActivity.RESET_PASSWORD);
              assertThat(n.correlationId()).isEqualTo(result.correlationId());
            });
  }

  @Test
  void failingNotifier_changeStandsResultReturnedAuditUnchanged() {
    RecordingUserNotifier failing =
        RecordingUserNotifier.failingWith(new IllegalStateException("mail relay down"));
    harness = Harness.storeChain(b -> b.userNotifier(failing).notificationExecutor(Runnable::run));
    StaffSession nina = harness.signIn("nina");
    int before = harness.log.size();

    PhoneChange change = nina.setPhone(BOB, PhoneType.OFFICE, "+14255550190");
    PasswordResetResult reset = nina.resetPassword(ALICE);

    assertThat(change.current()).contains(PhoneNumber.of("+14255550190"));
    assertThat(harness.user("bob").phone(PhoneType.OFFICE))
        .contains(PhoneNumber.of("+14255550190"));
    assertThat(reset).isInstanceOf(PasswordResetResult.TemporaryPassword.class);
    assertThat(failing.notifications()).hasSize(2);
    assertThat(harness.eventsSince(before))
        .extracting(AuditEvent::outcome)
        .containsExactly(AuditOutcome.SUCCEEDED, AuditOutcome.SUCCEEDED);
  }

  @Test
  void defaultNotifierThread_deliversAfterTheChangeReturned() throws Exception {
    harness = Harness.storeChain(b -> b.userNotifier(notifier));
    StaffSession nina = harness.signIn("nina");
    PhoneChange change = nina.setPhone(BOB, PhoneType.OFFICE, "+14255550191");
    harness.close(); // stops the notifier thread once the queued notification is delivered
    for (int i = 0; i < 3_000 && notifier.notifications().isEmpty(); i++) {
      Thread.sleep(10);
    }
    assertThat(notifier.notifications())
        .extracting(UserNotification::correlationId)
        .containsExactly(change.correlationId());
    harness = null;
  }
}
