package io.mystaff.tests.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.CapabilityNotSupportedException;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.ProviderFailureException;
import io.mystaff.api.UserId;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditOutcome;
import io.mystaff.api.audit.ModifiedProperty;
import io.mystaff.api.authz.AccessDeniedException;
import io.mystaff.api.authz.DenyReason;
import io.mystaff.api.password.PasswordRejectedException;
import io.mystaff.api.password.PolicyViolation;
import io.mystaff.api.password.Secret;
import io.mystaff.api.password.WritebackFailure;
import io.mystaff.api.password.WritebackResult;
import io.mystaff.api.password.WritebackStatus;
import io.mystaff.core.MyStaff;
import io.mystaff.core.MyStaffSettings;
import io.mystaff.core.PasswordResetResult;
import io.mystaff.core.StaffSession;
import io.mystaff.core.WritebackHandle;
import io.mystaff.inmemory.InMemoryDirectory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class SyncedPasswordResetTest {
  private static final UserId CARL = UserId.of("carl");
  private static final String CHOSEN = "Winter-Orchard-42";

  private final Harness harness = Harness.storeChain();

  @AfterEach
  void close() {
    harness.close();
  }

  private static WritebackHandle handleOf(PasswordResetResult result) {
    assertThat(result).isInstanceOf(PasswordResetResult.WritebackPending.class);
    return ((PasswordResetResult.WritebackPending) result).writeback();
  }

  private static WritebackResult await(WritebackHandle handle) throws Exception {
    return handle.completion().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void resetPassword_syncedUser_writtenBackWithProgressInOrderAndTwoEvents() throws Exception {
    StaffSession nina = harness.signIn("nina");
    int before = harness.log.size();
    List<WritebackStatus> heard = new CopyOnWriteArrayList<>();

    PasswordResetResult result = nina.resetPassword(CARL, Secret.of(CHOSEN));
    WritebackHandle handle = handleOf(result);
    handle.onStatus(heard::add);
    WritebackResult outcome = await(handle);

    assertThat(outcome).isEqualTo(WritebackResult.succeeded());
    assertThat(heard)
        .containsExactly(
            WritebackStatus.SUBMITTED, WritebackStatus.IN_PROGRESS, WritebackStatus.SUCCEEDED);
    assertThat(handle.progress()).isEqualTo(heard);
    assertThat(handle.correlationId()).isEqualTo(result.correlationId());
    assertThat(harness.writeback.verifyPassword(CARL, Secret.of(CHOSEN))).isTrue();
    assertThat(harness.writeback.mustChangePassword(CARL)).isTrue();

    List<AuditEvent> events = harness.eventsSince(before);
    assertThat(events)
        .extracting(AuditEvent::outcome)
        .containsExactly(AuditOutcome.PENDING, AuditOutcome.SUCCEEDED);
    assertThat(events)
        .allSatisfy(
            e -> {
              assertThat(e.correlationId()).isEqualTo(result.correlationId());
              assertThat(e.activity()).isEqualTo(AuditActivity.RESET_PASSWORD);
              assertThat(e.toString()).doesNotContain(CHOSEN);
            });
    assertThat(events.get(0).resultReason()).contains("WRITEBACK_SUBMITTED");
    assertThat(events.get(1).targets().get(0).modifiedProperties())
        .extracting(ModifiedProperty::displayName)
        .containsExactly("PasswordProfile", "forceChangePasswordNextSignIn");
  }

  @ParameterizedTest
  @EnumSource(WritebackFailure.class)
  void resetPassword_writebackFails_handleAndFinalEventSayWhy(WritebackFailure failure)
      throws Exception {
    StaffSession nina = harness.signIn("nina");
    harness.writeback.failNext(1, failure);
    int before = harness.log.size();

    WritebackHandle handle = handleOf(nina.resetPassword(CARL, Secret.of(CHOSEN)));
    WritebackResult outcome = await(handle);

    assertThat(outcome).isEqualTo(WritebackResult.failed(failure));
    assertThat(handle.progress())
        .containsExactly(
            WritebackStatus.SUBMITTED, WritebackStatus.IN_PROGRESS, WritebackStatus.FAILED);
    assertThat(handle.result()).contains(outcome);
    assertThat(harness.writeback.verifyPassword(CARL, Secret.of(CHOSEN))).isFalse();
    List<AuditEvent> events = harness.eventsSince(before);
    assertThat(events)
        .extracting(AuditEvent::outcome)
        .containsExactly(AuditOutcome.PENDING, AuditOutcome.FAILED);
    assertThat(events.get(1).resultReason()).contains("WRITEBACK_" + failure.name());
    assertThat(events.get(1).targets().get(0).modifiedProperties()).isEmpty();
  }

  @Test
  void resetPassword_failsOnPremisesPolicy_rejectedSynchronouslyNothingSubmitted() {
    StaffSession nina = harness.signIn("nina");
    int before = harness.log.size();

    assertThatThrownBy(() -> nina.resetPassword(CARL, Secret.of("carl2025")))
        .isInstanceOf(PasswordRejectedException.class)
        .hasMessageNotContaining("carl2025");

    harness.awaitWritebacks();
    assertThat(harness.writeback.appliedCount(CARL)).isZero();
    assertThat(harness.eventsSince(before))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.outcome()).isEqualTo(AuditOutcome.FAILED);
              assertThat(e.resultReason()).contains("PASSWORD_POLICY_VIOLATION");
            });
  }

  @Test
  void resetPassword_reusesRecentPassword_rejectedByHistoryBeforeSubmitting() throws Exception {
    StaffSession nina = harness.signIn("nina");
    await(handleOf(nina.resetPassword(CARL, Secret.of(CHOSEN))));
    int before = harness.log.size();

    assertThatThrownBy(() -> nina.resetPassword(CARL, Secret.of(CHOSEN)))
        .isInstanceOf(PasswordRejectedException.class);

    harness.awaitWritebacks();
    assertThat(harness.writeback.appliedCount(CARL)).isEqualTo(1);
    assertThat(harness.eventsSince(before))
        .singleElement()
        .satisfies(e -> assertThat(e.outcome()).isEqualTo(AuditOutcome.FAILED));
  }

  @Test
  void resetPassword_syncedUserWithoutPassword_rejectedWithoutEvent() {
    StaffSession nina = harness.signIn("nina");
    int before = harness.log.size();
    assertThatThrownBy(() -> nina.resetPassword(CARL))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("synced");
    assertThat(harness.log.size()).isEqualTo(before);
  }

  @Test
  void resetPassword_noWritebackConfigured_capabilityNotSupported() {
    InMemoryDirectory directory = Harness.directoryOf(StoreChain.fixture().build());
    try (MyStaff withoutWriteback =
        MyStaff.builder()
            .directory(directory)
            .directoryWriter(directory)
            .auditSink(harness.log)
            .auditRelay(Runnable::run)
            .clock(harness.clock)
            .build()) {
      StaffSession nina =
          withoutWriteback.signIn(io.mystaff.api.access.SignInContext.of(UserId.of("nina"), true));
      int before = harness.log.size();
      assertThatThrownBy(() -> nina.resetPassword(CARL, Secret.of(CHOSEN)))
          .isInstanceOfSatisfying(
              CapabilityNotSupportedException.class,
              e -> assertThat(e.capability()).isEqualTo("password writeback"));
      assertThat(harness.log.size()).isEqualTo(before);
    }
  }

  @Test
  void resetPassword_syncedUserOutOfScope_deniedNothingSubmitted() {
    StaffSession hank = harness.signIn("hank");
    assertThatThrownBy(() -> hank.resetPassword(CARL, Secret.of(CHOSEN)))
        .isInstanceOfSatisfying(
            AccessDeniedException.class,
            e -> assertThat(e.reason()).isEqualTo(DenyReason.TARGET_OUT_OF_SCOPE));
    harness.awaitWritebacks();
    assertThat(harness.writeback.appliedCount(CARL)).isZero();
  }

  @Test
  void resetPassword_sinkDownBeforeSubmitting_failsClosedNothingSubmitted() {
    StaffSession nina = harness.signIn("nina");
    int before = harness.log.size();
    harness.sink.failAlways();

    assertThatThrownBy(() -> nina.resetPassword(CARL, Secret.of(CHOSEN)))
        .isInstanceOf(ProviderFailureException.class);

    harness.awaitWritebacks();
    assertThat(harness.writeback.appliedCount(CARL)).isZero();
    assertThat(harness.log.size()).isEqualTo(before);
  }

  @Test
  void resetPassword_sinkDownWhenWritebackEnds_finalEventDeliveredByFlush() throws Exception {
    StaffSession nina = harness.signIn("nina");
    harness.writeback.stall();
    WritebackHandle handle = handleOf(nina.resetPassword(CARL, Secret.of(CHOSEN)));
    harness.sink.failAlways();
    harness.writeback.resume();
    assertThat(await(handle).isSuccess()).isTrue();
    assertThat(harness.events(handle.correlationId()))
        .extracting(AuditEvent::outcome)
        .containsExactly(AuditOutcome.PENDING);

    assertThatThrownBy(harness.myStaff::flushAudit).isInstanceOf(ProviderFailureException.class);
    harness.sink.recover();
    harness.myStaff.flushAudit();

    assertThat(harness.events(handle.correlationId()))
        .extracting(AuditEvent::outcome)
        .containsExactly(AuditOutcome.PENDING, AuditOutcome.SUCCEEDED);
  }

  @Test
  void resetPassword_callerDestroysPasswordRightAway_writebackStillApplies() throws Exception {
    StaffSession nina = harness.signIn("nina");
    harness.writeback.stall();
    Secret chosen = Secret.of(CHOSEN);
    WritebackHandle handle = handleOf(nina.resetPassword(CARL, chosen));
    chosen.destroy();
    harness.writeback.resume();

    assertThat(await(handle).isSuccess()).isTrue();
    assertThat(harness.writeback.verifyPassword(CARL, Secret.of(CHOSEN))).isTrue();
  }

  @Test
  void resetPassword_listenerRegisteredWhileStalled_hearsRestLive() throws Exception {
    StaffSession nina = harness.signIn("nina");
    harness.writeback.stall();
    WritebackHandle handle = handleOf(nina.resetPassword(CARL, Secret.of(CHOSEN)));
    List<WritebackStatus> heard = new CopyOnWriteArrayList<>();
    handle.onStatus(heard::add);
    assertThat(handle.result()).isEmpty();
    harness.writeback.resume();
    await(handle);
    assertThat(heard)
        .startsWith(WritebackStatus.SUBMITTED)
        .endsWith(WritebackStatus.SUCCEEDED)
        .doesNotHaveDuplicates();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Winter\u202EOrchard-42",
        "Winter\nOrchard-42",
        "Winter\tOrchard-42",
        "Winter\u2028Orchard-42",
        "Winter\u2066Orchard-42",
        "Winter\u200FOrchard-42"
      })
  void
      managerPasswordWithBidiOverrideOrControlCharacter_rejectedBeforeAnyFactNoEventNothingSubmitted(
          String chosen) {
    StaffSession nina = harness.signIn("nina");
    int before = harness.log.size();

    assertThatThrownBy(() -> nina.resetPassword(CARL, Secret.of(chosen)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(InvalidInputException.Violation::field)
                    .containsExactly("password"))
        .hasMessageNotContaining("Winter")
        .hasMessageNotContaining("Orchard");

    harness.awaitWritebacks();
    assertThat(harness.writeback.appliedCount(CARL)).isZero();
    assertThat(harness.log.size()).isEqualTo(before);
  }

  @Test
  void managerPasswordShorterThanFloor_rejectedEvenThoughOnPremisesPolicyAllowsSeven() {
    StaffSession nina = harness.signIn("nina");
    int before = harness.log.size();

    assertThatThrownBy(() -> nina.resetPassword(CARL, Secret.of("Wo7!rke")))
        .isInstanceOfSatisfying(
            PasswordRejectedException.class,
            e ->
                assertThat(e.violations())
                    .containsExactly(PolicyViolation.of("password.tooShort", "minLength", 8)))
        .hasMessageNotContaining("Wo7!rke");

    harness.awaitWritebacks();
    assertThat(harness.writeback.appliedCount(CARL)).isZero();
    assertThat(harness.eventsSince(before))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.outcome()).isEqualTo(AuditOutcome.FAILED);
              assertThat(e.resultReason()).contains("PASSWORD_POLICY_VIOLATION");
              assertThat(e.additionalDetails())
                  .containsEntry("policyViolations", "password.tooShort");
            });
  }

  @Test
  void managerPasswordFloorRaisedBySettings_appliesOnTheSyncedPath() {
    try (Harness strict =
        Harness.storeChain(
            b ->
                b.settings(
                    MyStaffSettings.builder().minimumManagerChosenPasswordLength(20).build()))) {
      assertThatThrownBy(() -> strict.signIn("nina").resetPassword(CARL, Secret.of(CHOSEN)))
          .isInstanceOfSatisfying(
              PasswordRejectedException.class,
              e ->
                  assertThat(e.violations())
                      .containsExactly(PolicyViolation.of("password.tooShort", "minLength", 20)));
      strict.awaitWritebacks();
      assertThat(strict.writeback.appliedCount(CARL)).isZero();
    }
  }
}
