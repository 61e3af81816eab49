package io.mystaff.tests.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.UserId;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditOutcome;
import io.mystaff.api.authz.AccessDeniedException;
import io.mystaff.api.authz.DenyReason;
import io.mystaff.api.directory.PhoneType;
import io.mystaff.api.password.Secret;
import io.mystaff.core.ChangePreview;
import io.mystaff.core.ChangeRequest;
import io.mystaff.core.MyStaff;
import io.mystaff.core.MyStaffSettings;
import io.mystaff.core.PasswordResetResult;
import io.mystaff.core.RateLimit;
import io.mystaff.core.StaffSession;
import io.mystaff.core.Verification;
import io.mystaff.core.VerificationHandle;
import io.mystaff.core.VerificationResult;
import io.mystaff.spi.VerificationCheck;
import io.mystaff.spi.VerificationLevel;
import io.mystaff.testkit.fakes.FakeVerificationGate;
import io.mystaff.testkit.fakes.MutableClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Caller verification (issue 14, part 4): with verification required, a reset or phone change needs
 * an unused verification of the user by the same manager, of the level the user needs: stricter for
 * privileged-adjacent users and users whose channel changed recently. Every start and answer is
 * audited with its own activity and rate-limited; codes never reach the audit log.
 */
class CallerVerificationTest {
  private static final UserId ALICE = UserId.of("alice");
  private static final UserId BOB = UserId.of("bob");
  private static final UserId ERIN = UserId.of("erin");

  private final MutableClock gateClock = MutableClock.at(StoreChain.T0);
  private FakeVerificationGate gate;
  private Harness harness;

  CallerVerificationTest() {
    wire(VerificationLevel.STANDARD, RateLimit.unlimited());
  }

  private void wire(VerificationLevel gateLevel, RateLimit limit) {
    if (harness != null) {
      harness.close();
    }
    gate = FakeVerificationGate.of(gateLevel, gateClock, 7L);
    harness =
        Harness.storeChain(
            b ->
                b.verificationGate(gate)
                    .settings(
                        MyStaffSettings.builder()
                            .verificationLevel(VerificationLevel.STANDARD)
                            .elevatedVerificationLevel(VerificationLevel.STRONG)
                            .verificationLimit(limit)
                            .build()));
  }

  @AfterEach
  void close() {
    harness.close();
  }

  private Verification verified(StaffSession session, UserId user) {
    VerificationHandle handle = session.startVerification(user);
    VerificationResult result = session.verify(handle, Secret.of(gate.lastCodeFor(user)));
    assertThat(result.check()).isEqualTo(VerificationCheck.PASSED);
    return result.verification().orElseThrow();
  }

  @Test
  void reset_withoutVerification_deniedVerificationRequired_nothingChanged() {
    StaffSession nina = harness.signIn("nina");
    long version = harness.user("alice").version();
    int before = harness.log.size();

    assertThatThrownBy(() -> nina.resetPassword(ALICE))
        .isInstanceOfSatisfying(
            AccessDeniedException.class,
            e -> assertThat(e.reason()).isEqualTo(DenyReason.VERIFICATION_REQUIRED));

    assertThat(harness.user("alice").version()).isEqualTo(version);
    assertThat(harness.eventsSince(before))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.activity()).isEqualTo(AuditActivity.RESET_PASSWORD);
              assertThat(e.outcome()).isEqualTo(AuditOutcome.DENIED);
              assertThat(e.resultReason()).contains("VERIFICATION_REQUIRED");
              assertThat(e.additionalDetails()).containsEntry("verificationRequired", "STANDARD");
            });
  }

  @Test
  void startThenRightCode_passes_resetGoesThrough_evidenceUsedOnce() {
    StaffSession nina = harness.signIn("nina");
    int before = harness.log.size();

    VerificationHandle handle = nina.startVerification(ALICE);
    String code = gate.lastCodeFor(ALICE);
    VerificationResult result = nina.verify(handle, Secret.of(code));
    assertThat(result.passed()).isTrue();
    Verification evidence = result.verification().orElseThrow();
    assertThat(evidence.level()).isEqualTo(VerificationLevel.STANDARD);

    PasswordResetResult reset = nina.reset(ChangeRequest.resetPassword(ALICE).verifiedBy(evidence));
    assertThat(reset).isInstanceOf(PasswordResetResult.TemporaryPassword.class);
    assertThat(evidence.isUsed()).isTrue();

    List<AuditEvent> events = harness.eventsSince(before);
    assertThat(events)
        .extracting(AuditEvent::activity, AuditEvent::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                AuditActivity.VERIFICATION_STARTED, AuditOutcome.SUCCEEDED),
            org.assertj.core.groups.Tuple.tuple(
                AuditActivity.VERIFICATION_PASSED, AuditOutcome.SUCCEEDED),
            org.assertj.core.groups.Tuple.tuple(
                AuditActivity.RESET_PASSWORD, AuditOutcome.SUCCEEDED));
    assertThat(events.get(1).additionalDetails())
        .containsEntry("verificationCorrelationId", handle.correlationId().value());
    assertThat(events).allSatisfy(e -> assertThat(e.toString()).doesNotContain(code));
    assertThat(AuditActivity.VERIFICATION_PASSED.loggedByService()).isEqualTo("My Staff");

    assertThatThrownBy(() -> nina.reset(ChangeRequest.resetPassword(ALICE).verifiedBy(evidence)))
        .isInstanceOfSatisfying(
            AccessDeniedException.class,
            e -> assertThat(e.reason()).isEqualTo(DenyReason.VERIFICATION_REQUIRED));
  }

  @Test
  void wrongCode_failedEventWithReason_codeNeverRecorded_thenExhausted() {
    StaffSession nina = harness.signIn("nina");
    VerificationHandle handle = nina.startVerification(ALICE);
    String code = gate.lastCodeFor(ALICE);
    String wrong = code.equals("000000") ? "111111" : "000000";
    int before = harness.log.size();

    assertThat(nina.verify(handle, Secret.of(wrong)).check())
        .isEqualTo(VerificationCheck.WRONG_ANSWER);
    assertThat(nina.verify(handle, Secret.of(wrong)).check())
        .isEqualTo(VerificationCheck.WRONG_ANSWER);
    assertThat(nina.verify(handle, Secret.of(wrong)).check())
        .isEqualTo(VerificationCheck.ATTEMPTS_EXHAUSTED);
    VerificationResult late = nina.verify(handle, Secret.of(code));
    assertThat(late.passed()).isFalse();
    assertThat(late.verification()).isEmpty();

    List<AuditEvent> events = harness.eventsSince(before);
    assertThat(events).hasSize(4);
    assertThat(events)
        .allSatisfy(
            e -> {
              assertThat(e.activity()).isEqualTo(AuditActivity.VERIFICATION_FAILED);
              assertThat(e.outcome()).isEqualTo(AuditOutcome.FAILED);
              assertThat(e.toString()).doesNotContain(code).doesNotContain(wrong);
            });
    assertThat(events.get(0).resultReason()).contains("WRONG_ANSWER");
    assertThat(events.get(2).resultReason()).contains("ATTEMPTS_EXHAUSTED");
  }

  @Test
  void answerAfterExpiry_expiredEvent_noEvidence() {
    StaffSession nina = harness.signIn("nina");
    VerificationHandle handle = nina.startVerification(ALICE);
    gateClock.advance(FakeVerificationGate.TIME_TO_LIVE);
    int before = harness.log.size();
    VerificationResult result = nina.verify(handle, Secret.of(gate.lastCodeFor(ALICE)));
    assertThat(result.check()).isEqualTo(VerificationCheck.EXPIRED);
    assertThat(harness.eventsSince(before))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.activity()).isEqualTo(AuditActivity.VERIFICATION_EXPIRED);
              assertThat(e.outcome()).isEqualTo(AuditOutcome.FAILED);
              assertThat(e.resultReason()).contains("EXPIRED");
            });
  }

  @Test
  void evidenceExpires_afterItsValidity() {
    StaffSession nina = harness.signIn("nina");
    Verification evidence = verified(nina, ALICE);
    harness.clock.advance(Verification.VALIDITY);
    assertThatThrownBy(() -> nina.reset(ChangeRequest.resetPassword(ALICE).verifiedBy(evidence)))
        .isInstanceOfSatisfying(
            AccessDeniedException.class,
            e -> assertThat(e.reason()).isEqualTo(DenyReason.VERIFICATION_REQUIRED));
  }

  @Test
  void evidenceForAnotherUserOrManager_notAccepted() {
    StaffSession nina = harness.signIn("nina");
    StaffSession sam = harness.signIn("sam");
    Verification forBob = verified(nina, BOB);
    assertThatThrownBy(() -> nina.reset(ChangeRequest.resetPassword(ALICE).verifiedBy(forBob)))
        .isInstanceOfSatisfying(
            AccessDeniedException.class,
            e -> assertThat(e.reason()).isEqualTo(DenyReason.VERIFICATION_REQUIRED));
    Verification samsAlice = verified(sam, ALICE);
    assertThatThrownBy(() -> nina.reset(ChangeRequest.resetPassword(ALICE).verifiedBy(samsAlice)))
        .isInstanceOfSatisfying(
            AccessDeniedException.class,
            e -> assertThat(e.reason()).isEqualTo(DenyReason.VERIFICATION_REQUIRED));
    assertThat(forBob.isUsed()).isFalse();
  }

  @Test
  void privilegedAdjacentTarget_standardGate_tooWeak_evenWithEvidence() {
    StaffSession val = harness.signIn("val");
    Verification evidence = verified(val, ERIN);
    int before = harness.log.size();
    assertThatThrownBy(() -> val.reset(ChangeRequest.resetPassword(ERIN).verifiedBy(evidence)))
        .isInstanceOfSatisfying(
            AccessDeniedException.class,
            e -> assertThat(e.reason()).isEqualTo(DenyReason.VERIFICATION_TOO_WEAK));
    assertThat(harness.eventsSince(before))
        .singleElement()
        .satisfies(
            e -> assertThat(e.additionalDetails()).containsEntry("verificationRequired", "STRONG"));
    assertThat(evidence.isUsed()).isFalse();
  }

  @Test
  void privilegedAdjacentTarget_strongGate_passesWithEvidence() {
    wire(VerificationLevel.STRONG, RateLimit.unlimited());
    StaffSession val = harness.signIn("val");
    Verification evidence = verified(val, ERIN);
    assertThat(val.reset(ChangeRequest.resetPassword(ERIN).verifiedBy(evidence)))
        .isInstanceOf(PasswordResetResult.TemporaryPassword.class);
  }

  @Test
  void recentlyChangedChannel_needsElevatedLevel_olderChangeDoesNot() {
    StaffSession nina = harness.signIn("nina");
    gate.channelChangedAt(ALICE, StoreChain.T0.minus(Duration.ofDays(1)));
    Verification first = verified(nina, ALICE);
    assertThatThrownBy(() -> nina.reset(ChangeRequest.resetPassword(ALICE).verifiedBy(first)))
        .isInstanceOfSatisfying(
            AccessDeniedException.class,
            e -> assertThat(e.reason()).isEqualTo(DenyReason.VERIFICATION_TOO_WEAK));
    gate.channelChangedAt(ALICE, StoreChain.T0.minus(Duration.ofDays(8)));
    assertThat(nina.reset(ChangeRequest.resetPassword(ALICE).verifiedBy(first)))
        .isInstanceOf(PasswordResetResult.TemporaryPassword.class);
  }

  @Test
  void phoneChange_needsVerificationToo() {
    StaffSession nina = harness.signIn("nina");
    assertThatThrownBy(() -> nina.setPhone(BOB, PhoneType.MOBILE, "+14255550199"))
        .isInstanceOfSatisfying(
            AccessDeniedException.class,
            e -> assertThat(e.reason()).isEqualTo(DenyReason.VERIFICATION_REQUIRED));
    Verification evidence = verified(nina, BOB);
    assertThat(
            nina.setPhone(
                    ChangeRequest.setPhone(BOB, PhoneType.MOBILE, "+14255550199")
                        .verifiedBy(evidence))
                .current())
        .isPresent();
    Verification again = verified(nina, BOB);
    assertThat(
            nina.removePhone(ChangeRequest.removePhone(BOB, PhoneType.MOBILE).verifiedBy(again))
                .current())
        .isEmpty();
  }

  @Test
  void startForUserNotManaged_deniedWithStartedEvent_noCodeSent() {
    StaffSession nina = harness.signIn("nina");
    int before = harness.log.size();
    assertThatThrownBy(() -> nina.startVerification(UserId.of("dora")))
        .isInstanceOfSatisfying(
            AccessDeniedException.class,
            e -> assertThat(e.reason()).isEqualTo(DenyReason.TARGET_OUT_OF_SCOPE));
    assertThat(harness.eventsSince(before))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.activity()).isEqualTo(AuditActivity.VERIFICATION_STARTED);
              assertThat(e.outcome()).isEqualTo(AuditOutcome.DENIED);
            });
    assertThatThrownBy(() -> gate.lastCodeFor(UserId.of("dora")))
        .isInstanceOf(io.mystaff.api.ProviderFailureException.class);
  }

  @Test
  void engineDenyComesBeforeVerification() {
    StaffSession nina = harness.signIn("nina");
    assertThatThrownBy(() -> nina.resetPassword(UserId.of("dora")))
        .isInstanceOfSatisfying(
            AccessDeniedException.class,
            e -> assertThat(e.reason()).isEqualTo(DenyReason.TARGET_OUT_OF_SCOPE));
  }

  @Test
  void verificationAttempts_rateLimited() {
    wire(VerificationLevel.STANDARD, RateLimit.of(2, Duration.ofMinutes(1)));
    StaffSession nina = harness.signIn("nina");
    VerificationHandle handle = nina.startVerification(ALICE);
    nina.verify(handle, Secret.of("000001"));
    assertThatThrownBy(() -> nina.startVerification(ALICE))
        .isInstanceOfSatisfying(
            AccessDeniedException.class,
            e -> assertThat(e.reason()).isEqualTo(DenyReason.RATE_LIMITED));
  }

  @Test
  void preview_reportsMissingVerification_andUsesNothing() {
    StaffSession nina = harness.signIn("nina");
    ChangePreview without = nina.preview(ChangeRequest.resetPassword(ALICE));
    assertThat(without.denyReason()).contains(DenyReason.VERIFICATION_REQUIRED);
    Verification evidence = verified(nina, ALICE);
    ChangePreview with = nina.preview(ChangeRequest.resetPassword(ALICE).verifiedBy(evidence));
    assertThat(with.isAllowed()).isTrue();
    assertThat(evidence.isUsed()).isFalse();
    assertThat(nina.preview(ChangeRequest.resetPassword(ERIN)).denyReason())
        .contains(DenyReason.RESTRICTED_MANAGEMENT_UNIT);
    assertThat(harness.signIn("val").preview(ChangeRequest.resetPassword(ERIN)).denyReason())
        .contains(DenyReason.VERIFICATION_TOO_WEAK);
  }

  @Test
  void verificationLevelsWithoutGate_builderRefuses() {
    assertThatThrownBy(
            () ->
                MyStaff.builder()
                    .directory(harness.directory)
                    .directoryWriter(harness.directory)
                    .auditSink(harness.log)
                    .settings(
                        MyStaffSettings.builder()
                            .verificationLevel(VerificationLevel.STANDARD)
                            .elevatedVerificationLevel(VerificationLevel.STANDARD)
                            .build())
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("verificationGate");
  }

  @Test
  void startedVerification_answeredFromAnotherManager_invalidInput() {
    StaffSession nina = harness.signIn("nina");
    StaffSession sam = harness.signIn("sam");
    VerificationHandle handle = nina.startVerification(ALICE);
    assertThatThrownBy(() -> sam.verify(handle, Secret.of(gate.lastCodeFor(ALICE))))
        .isInstanceOf(io.mystaff.api.InvalidInputException.class);
  }
}
