package io.mystaff.tests.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.InvalidInputException;
import io.mystaff.api.ProviderFailureException;
import io.mystaff.api.UnknownUserException;
import io.mystaff.api.UserId;
import io.mystaff.api.access.SignInContext;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditOutcome;
import io.mystaff.api.audit.ModifiedProperty;
import io.mystaff.api.authz.AccessDeniedException;
import io.mystaff.api.authz.DenyReason;
import io.mystaff.api.directory.User;
import io.mystaff.api.password.PasswordContext;
import io.mystaff.api.password.PasswordHistory;
import io.mystaff.api.password.PasswordRejectedException;
import io.mystaff.api.password.PolicyViolation;
import io.mystaff.api.password.Secret;
import io.mystaff.core.MyStaff;
import io.mystaff.core.MyStaffSettings;
import io.mystaff.core.PasswordResetResult;
import io.mystaff.core.StaffSession;
import io.mystaff.core.password.EntraPasswordPolicy;
import io.mystaff.spi.AuditSink;
import io.mystaff.testkit.fakes.FailingDirectory;
import io.mystaff.testkit.fakes.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CloudPasswordResetTest {
  private static final String CHOSEN = "Maple-Harbor-73-Lantern";

  private Harness harness = Harness.storeChain();

  @AfterEach
  void close() {
    harness.close();
  }

  private void rewire(MyStaffSettings settings) {
    harness.close();
    harness = Harness.storeChain(b -> b.settings(settings));
  }

  private static PasswordContext contextOf(User user) {
    return new PasswordContext(
        user.id(),
        user.userPrincipalName(),
        user.displayName(),
        user.onPremisesSamAccountName(),
        PasswordHistory.none());
  }

  @Test
  void resetPassword_cloudUserInScope_temporaryPasswordShownOnceAndForcedToChange() {
    StaffSession nina = harness.signIn("nina");
    long versionBefore = harness.user("bob").version();
    int before = harness.log.size();

    PasswordResetResult result = nina.resetPassword(UserId.of("bob"));

    assertThat(result).isInstanceOf(PasswordResetResult.TemporaryPassword.class);
    PasswordResetResult.TemporaryPassword temporary =
        (PasswordResetResult.TemporaryPassword) result;
    String password = temporary.password().reveal();
    assertThatThrownBy(temporary.password()::reveal).isInstanceOf(IllegalStateException.class);
    assertThat(password).hasSizeGreaterThanOrEqualTo(16);
    User bob = harness.user("bob");
    assertThat(
            EntraPasswordPolicy.standard().check(Secret.of(password), contextOf(bob)).isAccepted())
        .isTrue();
    assertThat(harness.directory.verifyPassword(bob.id(), Secret.of(password))).isTrue();
    assertThat(bob.forceChangePasswordNextSignIn()).isTrue();
    assertThat(bob.version()).isGreaterThan(versionBefore);
    assertThat(result.toString()).doesNotContain(password);

    AuditEvent event = harness.eventsSince(before).get(0);
    assertThat(harness.eventsSince(before)).hasSize(1);
    assertThat(event.activity()).isEqualTo(AuditActivity.RESET_PASSWORD);
    assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
    assertThat(event.correlationId()).isEqualTo(result.correlationId());
    assertThat(event.targets())
        .singleElement()
        .satisfies(
            t ->
                assertThat(t.modifiedProperties())
                    .extracting(ModifiedProperty::displayName)
                    .containsExactly("PasswordProfile", "forceChangePasswordNextSignIn"));
    assertThat(event.targets().get(0).modifiedProperties())
        .allSatisfy(p -> assertThat(p.oldValue().isEmpty() && p.newValue().isEmpty()).isTrue());
    assertThat(event.toString()).doesNotContain(password);
  }

  @Test
  void resetPassword_twice_differentTemporaryPasswords() {
    StaffSession nina = harness.signIn("nina");
    String first =
        ((PasswordResetResult.TemporaryPassword) nina.resetPassword(UserId.of("bob")))
            .password()
            .reveal();
    String second =
        ((PasswordResetResult.TemporaryPassword) nina.resetPassword(UserId.of("bob")))
            .password()
            .reveal();
    assertThat(second).isNotEqualTo(first);
    assertThat(harness.directory.verifyPassword(UserId.of("bob"), Secret.of(second))).isTrue();
  }

  @Test
  void resetPassword_configuredLength_honoured() {
    rewire(MyStaffSettings.builder().temporaryPasswordLength(40).build());
    PasswordResetResult.TemporaryPassword result =
        (PasswordResetResult.TemporaryPassword)
            harness.signIn("nina").resetPassword(UserId.of("alice"));
    assertThat(result.password().reveal()).hasSize(40);
  }

  @ParameterizedTest(name = "{0} resets {1}: {2}")
  @CsvSource({
    "nina, dora, TARGET_OUT_OF_SCOPE",
    "tara, tara, SELF_ACTION",
    "nina, pam,  TARGET_PROTECTED",
    "tara, erin, RESTRICTED_MANAGEMENT_UNIT",
  })
  void resetPassword_notAllowed_deniedWithOneEventAndNothingChanged(
      String manager, String target, DenyReason reason) {
    StaffSession session = harness.signIn(manager);
    User before = harness.user(target);
    int eventsBefore = harness.log.size();

    assertThatThrownBy(() -> session.resetPassword(UserId.of(target)))
        .isInstanceOfSatisfying(
            AccessDeniedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(reason);
              assertThat(e.target()).isEqualTo(UserId.of(target));
            });

    assertThat(harness.user(target)).isEqualTo(before);
    assertThat(harness.eventsSince(eventsBefore))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.activity()).isEqualTo(AuditActivity.RESET_PASSWORD);
              assertThat(e.outcome()).isEqualTo(AuditOutcome.DENIED);
              assertThat(e.resultReason()).contains(reason.name());
              assertThat(e.targets().get(0).id()).isEqualTo(target);
              assertThat(e.initiatedBy().id()).isEqualTo(UserId.of(manager));
            });
  }

  @Test
  void resetPassword_restrictedUnitMemberByItsOwnManager_allowed() {
    assertThat(harness.signIn("val").resetPassword(UserId.of("erin")))
        .isInstanceOf(PasswordResetResult.TemporaryPassword.class);
  }

  @Test
  void resetPassword_helpdeskAdministratorInScope_allowed() {
    assertThat(harness.signIn("hank").resetPassword(UserId.of("dora")))
        .isInstanceOf(PasswordResetResult.TemporaryPassword.class);
  }

  @Test
  void resetPassword_managerChosenWhileNotAllowed_rejectedWithoutEvent() {
    StaffSession nina = harness.signIn("nina");
    int before = harness.log.size();
    assertThatThrownBy(() -> nina.resetPassword(UserId.of("bob"), Secret.of(CHOSEN)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageNotContaining(CHOSEN);
    assertThat(harness.log.size()).isEqualTo(before);
    assertThat(harness.user("bob").forceChangePasswordNextSignIn()).isFalse();
  }

  @Test
  void resetPassword_managerChosenWhenAllowed_setAndForcedToChange() {
    rewire(MyStaffSettings.builder().managerChosenPasswordsForCloudUsers(true).build());
    Secret chosen = Secret.of(CHOSEN);

    PasswordResetResult result = harness.signIn("nina").resetPassword(UserId.of("bob"), chosen);

    assertThat(result).isInstanceOf(PasswordResetResult.PasswordSet.class);
    assertThat(harness.directory.verifyPassword(UserId.of("bob"), Secret.of(CHOSEN))).isTrue();
    assertThat(harness.user("bob").forceChangePasswordNextSignIn()).isTrue();
    assertThat(chosen.isDestroyed()).as("the caller's secret is the caller's").isFalse();
    assertThat(harness.events(result.correlationId()))
        .singleElement()
        .satisfies(e -> assertThat(e.outcome()).isEqualTo(AuditOutcome.SUCCEEDED));
  }

  @Test
  void resetPassword_managerChosenTooWeak_rejectedWithOneFailedEvent() {
    rewire(MyStaffSettings.builder().managerChosenPasswordsForCloudUsers(true).build());
    StaffSession nina = harness.signIn("nina");
    User before = harness.user("bob");
    int eventsBefore = harness.log.size();

    assertThatThrownBy(() -> nina.resetPassword(UserId.of("bob"), Secret.of("password1")))
        .isInstanceOfSatisfying(
            PasswordRejectedException.class, e -> assertThat(e.violations()).isNotEmpty())
        .hasMessageNotContaining("password1");

    assertThat(harness.user("bob")).isEqualTo(before);
    assertThat(harness.eventsSince(eventsBefore))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.outcome()).isEqualTo(AuditOutcome.FAILED);
              assertThat(e.resultReason()).contains("PASSWORD_POLICY_VIOLATION");
              assertThat(e.additionalDetails()).containsKey("policyViolations");
              assertThat(e.toString()).doesNotContain("password1");
            });
  }

  @Test
  void resetPassword_unknownOrMissingTarget_rejectedWithoutEvent() {
    StaffSession nina = harness.signIn("nina");
    int before = harness.log.size();
    assertThatThrownBy(() -> nina.resetPassword(UserId.of("ghost")))
        .isInstanceOf(UnknownUserException.class);
    assertThatThrownBy(() -> nina.resetPassword(null)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> nina.resetPassword(UserId.of("bob"), null))
        .isInstanceOf(InvalidInputException.class);
    assertThat(harness.log.size()).isEqualTo(before);
  }

  @Test
  void resetPassword_writerFails_oneFailedEventAndNothingChanged() {
    harness.close();
    var directory = Harness.directoryOf(StoreChain.fixture().build());
    FailingDirectory failing =
        FailingDirectory.wrapping(directory).failAlways(FailingDirectory.Operation.SET_PASSWORD);
    harness = Harness.storeChain(b -> b.directory(failing).directoryWriter(failing));
    StaffSession nina = harness.signIn("nina");
    User before = directory.findUser(UserId.of("bob")).orElseThrow();
    int eventsBefore = harness.log.size();

    assertThatThrownBy(() -> nina.resetPassword(UserId.of("bob")))
        .isInstanceOfSatisfying(
            ProviderFailureException.class, e -> assertThat(e.provider()).isEqualTo("directory"));

    assertThat(directory.findUser(UserId.of("bob")).orElseThrow()).isEqualTo(before);
    assertThat(directory.pendingAuditEvents(10)).isEmpty();
    assertThat(harness.eventsSince(eventsBefore))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.outcome()).isEqualTo(AuditOutcome.FAILED);
              assertThat(e.resultReason()).contains("PROVIDER_FAILURE");
            });
  }

  @Test
  void managerPasswordWithBidiOverride_rejected() {
    rewire(MyStaffSettings.builder().managerChosenPasswordsForCloudUsers(true).build());
    StaffSession nina = harness.signIn("nina");
    User before = harness.user("bob");
    int events = harness.log.size();

    // Shows as "Maple-Harbor-37-Lantern" when rendered, stores something else.
    assertThatThrownBy(
            () ->
                nina.resetPassword(
                    UserId.of("bob"), Secret.of("Maple-Harbor-\u202E73\u202C-Lantern")))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(InvalidInputException.Violation::field)
                    .containsExactly("password"))
        .hasMessageNotContaining("Maple")
        .hasMessageNotContaining("Lantern");

    assertThat(harness.user("bob")).isEqualTo(before);
    assertThat(harness.log.size())
        .as("input rejected before any fact is read is not an attempt")
        .isEqualTo(events);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Maple-Harbor\r\n73",
        "Maple\u0000Harbor-73",
        "Maple-Harbor\u2029-73",
        "Maple\u2067Harbor-73"
      })
  void managerPasswordWithLineBreakOrControl_rejectedWithoutEvent(String chosen) {
    rewire(MyStaffSettings.builder().managerChosenPasswordsForCloudUsers(true).build());
    StaffSession nina = harness.signIn("nina");
    int events = harness.log.size();
    assertThatThrownBy(() -> nina.resetPassword(UserId.of("bob"), Secret.of(chosen)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageNotContaining("Maple");
    assertThat(harness.log.size()).isEqualTo(events);
  }

  @Test
  void managerPasswordBelowRaisedFloor_rejectedBeforeThePolicyWithOneFailedEvent() {
    rewire(
        MyStaffSettings.builder()
            .managerChosenPasswordsForCloudUsers(true)
            .minimumManagerChosenPasswordLength(30)
            .build());
    StaffSession nina = harness.signIn("nina");
    User before = harness.user("bob");
    int events = harness.log.size();

    assertThatThrownBy(() -> nina.resetPassword(UserId.of("bob"), Secret.of(CHOSEN)))
        .isInstanceOfSatisfying(
            PasswordRejectedException.class,
            e ->
                assertThat(e.violations())
                    .containsExactly(PolicyViolation.of("password.tooShort", "minLength", 30)));

    assertThat(harness.user("bob")).isEqualTo(before);
    assertThat(harness.eventsSince(events))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.outcome()).isEqualTo(AuditOutcome.FAILED);
              assertThat(e.resultReason()).contains("PASSWORD_POLICY_VIOLATION");
            });
  }

  /** An {@link Error} of the sink's own, as a broken sink or an exhausted JVM throws. */
  private static final class SinkError extends AssertionError {
    private static final long serialVersionUID = 1L;

    SinkError() {
      super("the audit sink failed with an Error");
    }
  }

  @Test
  void resetCommitted_sinkThrowsErrorDuringRelay_callerStillGetsPasswordAndEventStaysInOutbox() {
    harness.close();
    var directory = Harness.directoryOf(StoreChain.fixture().build());
    var log = new io.mystaff.inmemory.InMemoryAuditLog();
    AuditSink erroring =
        event -> {
          if (event.activity() == AuditActivity.RESET_PASSWORD) {
            throw new SinkError();
          }
          log.record(event);
        };
    try (MyStaff myStaff =
        MyStaff.builder()
            .directory(directory)
            .directoryWriter(directory)
            .auditSink(erroring)
            .auditRelay(Runnable::run)
            .clock(MutableClock.at(StoreChain.T0))
            .build()) {
      StaffSession nina = myStaff.signIn(SignInContext.of(UserId.of("nina"), true));

      PasswordResetResult result = nina.resetPassword(UserId.of("bob"));

      assertThat(result)
          .isInstanceOfSatisfying(
              PasswordResetResult.TemporaryPassword.class,
              temporary -> {
                String shown = temporary.password().reveal();
                assertThat(directory.verifyPassword(UserId.of("bob"), Secret.of(shown))).isTrue();
              });
      assertThat(directory.pendingAuditEvents(10))
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.activity()).isEqualTo(AuditActivity.RESET_PASSWORD);
                assertThat(e.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
                assertThat(e.correlationId()).isEqualTo(result.correlationId());
              });
      assertThat(log.byCorrelationId(result.correlationId())).isEmpty();
    }
  }
}
