package io.mystaff.tests.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.InvalidInputException;
import io.mystaff.api.UserId;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditOutcome;
import io.mystaff.api.password.Secret;
import io.mystaff.core.ChangePreview;
import io.mystaff.core.ChangeRequest;
import io.mystaff.core.CredentialDeliveryException;
import io.mystaff.core.DeliveryMode;
import io.mystaff.core.MyStaff;
import io.mystaff.core.MyStaffSettings;
import io.mystaff.core.PasswordResetResult;
import io.mystaff.core.StaffSession;
import io.mystaff.spi.CredentialMessage;
import io.mystaff.spi.DeliveryOutcome;
import io.mystaff.testkit.fakes.RecordingCredentialDelivery;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Credential delivery as policy (issue 14, part 3): a generated temporary password goes to the
 * user's registered channel whole or split, as the settings allow; a failed delivery changes
 * nothing and is never turned into show-once; the result, the audit event and the preview name the
 * mode and never the password.
 */
class CredentialDeliveryTest {
  private static final UserId ALICE = UserId.of("alice");
  private static final UserId BOB = UserId.of("bob");

  private final RecordingCredentialDelivery phones =
      RecordingCredentialDelivery.create()
          .register(ALICE, "mobile ending 01", StoreChain.T0.minusSeconds(86_400 * 90));
  private Harness harness =
      Harness.storeChain(
          b ->
              b.credentialDelivery(phones)
                  .settings(
                      MyStaffSettings.builder()
                          .allowedDeliveryModes(EnumSet.allOf(DeliveryMode.class))
                          .build()));

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void sendToUser_wholePasswordSentManagerSeesNone_userCanSignIn() {
    StaffSession nina = harness.signIn("nina");
    int before = harness.log.size();

    PasswordResetResult result =
        nina.reset(ChangeRequest.resetPassword(ALICE).deliveredBy(DeliveryMode.SEND_TO_USER));

    PasswordResetResult.Delivered delivered = (PasswordResetResult.Delivered) result;
    assertThat(delivered.mode()).isEqualTo(DeliveryMode.SEND_TO_USER);
    assertThat(delivered.deliveryMode()).contains(DeliveryMode.SEND_TO_USER);
    assertThat(delivered.channel()).isEqualTo("mobile ending 01");
    assertThat(delivered.managerPart()).isEmpty();
    List<RecordingCredentialDelivery.Received> inbox = phones.inbox(ALICE);
    assertThat(inbox)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.kind()).isEqualTo(CredentialMessage.Kind.TEMPORARY_PASSWORD);
              assertThat(r.correlationId()).isEqualTo(result.correlationId());
            });
    String password = inbox.get(0).secret();
    assertThat(password).hasSizeGreaterThanOrEqualTo(16);
    assertThat(harness.directory.verifyPassword(ALICE, Secret.of(password))).isTrue();
    assertThat(harness.user("alice").forceChangePasswordNextSignIn()).isTrue();
    assertThat(result.toString()).doesNotContain(password);

    List<AuditEvent> events = harness.eventsSince(before);
    assertThat(events)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.activity()).isEqualTo(AuditActivity.RESET_PASSWORD);
              assertThat(e.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
              assertThat(e.additionalDetails()).containsEntry("credentialDelivery", "SEND_TO_USER");
              assertThat(e.toString()).doesNotContain(password);
            });
  }

  @Test
  void split_managerRevealsFirstHalf_userGetsSecondHalf_togetherThePassword() {
    StaffSession nina = harness.signIn("nina");
    int before = harness.log.size();

    PasswordResetResult.Delivered delivered =
        (PasswordResetResult.Delivered)
            nina.reset(ChangeRequest.resetPassword(ALICE).deliveredBy(DeliveryMode.SPLIT));

    String first = delivered.managerPart().orElseThrow().reveal();
    RecordingCredentialDelivery.Received sent = phones.inbox(ALICE).get(0);
    assertThat(sent.kind()).isEqualTo(CredentialMessage.Kind.TEMPORARY_PASSWORD_SECOND_PART);
    String second = sent.secret();
    assertThat(first.length() - second.length()).isBetween(0, 1);
    assertThat(harness.directory.verifyPassword(ALICE, Secret.of(first + second))).isTrue();
    assertThat(harness.directory.verifyPassword(ALICE, Secret.of(first))).isFalse();
    assertThat(delivered.toString()).doesNotContain(first).doesNotContain(second);
    assertThat(delivered.managerPart().orElseThrow().isSpent()).isTrue();
    AuditEvent event = harness.eventsSince(before).get(0);
    assertThat(event.additionalDetails()).containsEntry("credentialDelivery", "SPLIT");
    assertThat(event.toString()).doesNotContain(first).doesNotContain(second);
  }

  @Test
  void showOnce_stillTheDefault_andRecordedAsSuch() {
    StaffSession nina = harness.signIn("nina");
    int before = harness.log.size();
    PasswordResetResult result = nina.resetPassword(ALICE);
    assertThat(result).isInstanceOf(PasswordResetResult.TemporaryPassword.class);
    assertThat(result.deliveryMode()).contains(DeliveryMode.SHOW_ONCE);
    assertThat(phones.received()).isEmpty();
    assertThat(harness.eventsSince(before).get(0).additionalDetails())
        .containsEntry("credentialDelivery", "SHOW_ONCE");
  }

  @ParameterizedTest
  @EnumSource(
      value = DeliveryOutcome.Failure.class,
      names = {"REJECTED", "UNAVAILABLE"})
  void deliveryFails_passwordUnchanged_oneFailedEvent_noShowOnceFallback(
      DeliveryOutcome.Failure failure) {
    StaffSession nina = harness.signIn("nina");
    long version = harness.user("alice").version();
    phones.failNext(failure);
    int before = harness.log.size();

    assertThatThrownBy(
            () ->
                nina.reset(
                    ChangeRequest.resetPassword(ALICE).deliveredBy(DeliveryMode.SEND_TO_USER)))
        .isInstanceOfSatisfying(
            CredentialDeliveryException.class,
            e -> {
              assertThat(e.failure()).isEqualTo(failure);
              assertThat(e.mode()).isEqualTo(DeliveryMode.SEND_TO_USER);
              assertThat(e.user()).isEqualTo(ALICE);
            });

    assertThat(harness.user("alice").version()).isEqualTo(version);
    assertThat(harness.user("alice").forceChangePasswordNextSignIn()).isFalse();
    assertThat(harness.eventsSince(before))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.outcome()).isEqualTo(AuditOutcome.FAILED);
              assertThat(e.resultReason()).contains("DELIVERY_FAILED");
              assertThat(e.additionalDetails())
                  .containsEntry("credentialDelivery", "SEND_TO_USER")
                  .containsEntry("deliveryFailure", failure.name());
            });
  }

  @Test
  void deliveryThrows_countsAsUnavailable_nothingChanged() {
    StaffSession nina = harness.signIn("nina");
    long version = harness.user("alice").version();
    phones.throwNext(new IllegalStateException("gateway down"));
    assertThatThrownBy(
            () -> nina.reset(ChangeRequest.resetPassword(ALICE).deliveredBy(DeliveryMode.SPLIT)))
        .isInstanceOfSatisfying(
            CredentialDeliveryException.class,
            e -> assertThat(e.failure()).isEqualTo(DeliveryOutcome.Failure.UNAVAILABLE));
    assertThat(harness.user("alice").version()).isEqualTo(version);
  }

  @Test
  void userWithoutChannel_noRegisteredChannel_nothingChanged() {
    StaffSession nina = harness.signIn("nina");
    long version = harness.user("bob").version();
    assertThatThrownBy(
            () ->
                nina.reset(ChangeRequest.resetPassword(BOB).deliveredBy(DeliveryMode.SEND_TO_USER)))
        .isInstanceOfSatisfying(
            CredentialDeliveryException.class,
            e -> assertThat(e.failure()).isEqualTo(DeliveryOutcome.Failure.NO_REGISTERED_CHANNEL));
    assertThat(harness.user("bob").version()).isEqualTo(version);
  }

  @Test
  void deniedReset_sendsNothing() {
    StaffSession nina = harness.signIn("nina");
    assertThatThrownBy(
            () ->
                nina.reset(
                    ChangeRequest.resetPassword(UserId.of("dora"))
                        .deliveredBy(DeliveryMode.SEND_TO_USER)))
        .isInstanceOf(io.mystaff.api.authz.AccessDeniedException.class);
    assertThat(phones.attempts()).isZero();
  }

  @Test
  void modeNotAllowed_invalidInput_nothingRecorded() {
    harness.close();
    harness =
        Harness.storeChain(
            b ->
                b.credentialDelivery(phones)
                    .settings(
                        MyStaffSettings.builder()
                            .allowedDeliveryModes(EnumSet.of(DeliveryMode.SEND_TO_USER))
                            .defaultDeliveryMode(DeliveryMode.SEND_TO_USER)
                            .build()));
    StaffSession nina = harness.signIn("nina");
    int before = harness.log.size();
    assertThatThrownBy(
            () -> nina.reset(ChangeRequest.resetPassword(ALICE).deliveredBy(DeliveryMode.SPLIT)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(InvalidInputException.Violation::code)
                    .containsExactly("delivery.notAllowed"));
    assertThat(harness.eventsSince(before)).isEmpty();
    // the default mode of the settings applies to the plain call
    assertThat(nina.resetPassword(ALICE)).isInstanceOf(PasswordResetResult.Delivered.class);
  }

  @Test
  void sendingModeForSyncedUserOrChosenPassword_notApplicable() {
    StaffSession nina = harness.signIn("nina");
    assertThatThrownBy(
            () ->
                nina.reset(
                    ChangeRequest.resetPassword(
                            UserId.of("carl"), Secret.of("Maple-Harbor-73-Lantern"))
                        .deliveredBy(DeliveryMode.SEND_TO_USER)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(InvalidInputException.Violation::code)
                    .containsExactly("delivery.notApplicable"));
  }

  @Test
  void sendingModesWithoutDelivery_builderRefuses() {
    assertThatThrownBy(
            () ->
                MyStaff.builder()
                    .directory(harness.directory)
                    .directoryWriter(harness.directory)
                    .auditSink(harness.log)
                    .settings(
                        MyStaffSettings.builder()
                            .allowedDeliveryModes(EnumSet.of(DeliveryMode.SPLIT))
                            .defaultDeliveryMode(DeliveryMode.SPLIT)
                            .build())
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("credentialDelivery");
  }

  @Test
  void managerChosenCloudPassword_staysOffByDefault() {
    assertThat(MyStaffSettings.defaults().managerChosenPasswordsForCloudUsers()).isFalse();
    assertThat(MyStaffSettings.defaults().allowedDeliveryModes())
        .containsExactly(DeliveryMode.SHOW_ONCE);
    assertThatThrownBy(
            () -> harness.signIn("nina").resetPassword(ALICE, Secret.of("Maple-Harbor-73-Lantern")))
        .isInstanceOf(InvalidInputException.class);
  }

  @ParameterizedTest
  @EnumSource(DeliveryMode.class)
  void preview_reportsTheModeItWouldUse_andSendsNothing(DeliveryMode mode) {
    StaffSession nina = harness.signIn("nina");
    int before = harness.log.size();
    ChangePreview preview = nina.preview(ChangeRequest.resetPassword(ALICE).deliveredBy(mode));
    assertThat(preview.isAllowed()).isTrue();
    assertThat(preview.deliveryMode()).contains(mode);
    assertThat(phones.attempts()).isZero();
    assertThat(harness.eventsSince(before)).isEmpty();
    assertThat(nina.preview(ChangeRequest.resetPassword(ALICE)).deliveryMode())
        .contains(DeliveryMode.SHOW_ONCE);
    assertThat(
            nina.preview(ChangeRequest.resetPassword(UserId.of("dora")).deliveredBy(mode))
                .deliveryMode())
        .isEqualTo(Optional.empty());
  }
}
