package io.mystaff.tests.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.CapabilityNotSupportedException;
import io.mystaff.api.ErrorCode;
import io.mystaff.api.PageRequest;
import io.mystaff.api.ProviderFailureException;
import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditOutcome;
import io.mystaff.api.audit.ModifiedProperty;
import io.mystaff.api.authz.AccessDeniedException;
import io.mystaff.api.authz.DenyReason;
import io.mystaff.api.authz.StaffAction;
import io.mystaff.api.directory.AccountNotSyncedException;
import io.mystaff.api.password.WritebackFailure;
import io.mystaff.core.AccountUnlock;
import io.mystaff.core.ChangePreview;
import io.mystaff.core.ChangeRequest;
import io.mystaff.core.MyStaffSettings;
import io.mystaff.core.RateLimit;
import io.mystaff.core.SessionRevocation;
import io.mystaff.core.StaffMember;
import io.mystaff.core.StaffSession;
import io.mystaff.spi.ForwardingDirectoryWriter;
import io.mystaff.spi.SessionRevoker;
import io.mystaff.testkit.fakes.ScriptableWriteback;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 part 5: revoking a user's sessions and unlocking a synced user's on-premises account,
 * each its own permission, validated, decided, applied and audited like the other changes, offered
 * in listings only where the providers can perform them.
 */
class AccountActionsTest {
  private static final UserId ALICE = UserId.of("alice");
  private static final UserId CARL = UserId.of("carl");
  private static final UserId DORA = UserId.of("dora");
  private static final UserId PAM = UserId.of("pam");

  private Harness harness = Harness.storeChain();

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void revokeSessions_memberOfManagersUnit_validFromNowCommittedWithOneSucceededEvent() {
    harness.clock.advance(Duration.ofMinutes(7));
    Instant now = harness.clock.instant();
    StaffSession nina = harness.signIn("nina");
    int before = harness.log.size();
    long version = harness.user("alice").version();

    SessionRevocation revoked = nina.revokeSessions(ALICE);

    assertThat(revoked.user()).isEqualTo(ALICE);
    assertThat(revoked.validFrom()).isEqualTo(now);
    assertThat(harness.directory.sessionsValidFrom(ALICE)).contains(now);
    assertThat(harness.user("alice").version()).isGreaterThan(version);
    List<AuditEvent> events = harness.eventsSince(before);
    assertThat(events).hasSize(1);
    AuditEvent event = events.get(0);
    assertThat(event.activity()).isEqualTo(AuditActivity.REVOKE_SESSIONS);
    assertThat(event.activity().displayName()).isEqualTo("Invalidate all refresh tokens for user");
    assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
    assertThat(event.correlationId()).isEqualTo(revoked.correlationId());
    assertThat(event.isFromMyStaff()).isTrue();
    assertThat(event.additionalDetails()).containsKey("grantedByAssignment");
    assertThat(event.targets().get(0).modifiedProperties())
        .containsExactly(
            ModifiedProperty.of(
                "signInSessionsValidFromDateTime", Optional.empty(), Optional.of(now.toString())));
  }

  @Test
  void revokeSessions_outsideManagersUnits_deniedWithOneDeniedEventAndNothingChanged() {
    StaffSession nina = harness.signIn("nina");
    int before = harness.log.size();
    assertThatThrownBy(() -> nina.revokeSessions(DORA))
        .isInstanceOfSatisfying(
            AccessDeniedException.class,
            e -> assertThat(e.reason()).isEqualTo(DenyReason.TARGET_OUT_OF_SCOPE));
    assertThat(harness.directory.sessionsValidFrom(DORA)).isEmpty();
    assertThat(harness.eventsSince(before))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.activity()).isEqualTo(AuditActivity.REVOKE_SESSIONS);
              assertThat(e.outcome()).isEqualTo(AuditOutcome.DENIED);
              assertThat(e.resultReason()).contains("TARGET_OUT_OF_SCOPE");
            });
  }

  @Test
  void revokeSessions_userAdministratorTarget_protectedFromAuthenticationAdministrator() {
    // Entra's reset table: an Authentication Administrator may not act on a User Administrator.
    assertThatThrownBy(() -> harness.signIn("tara").revokeSessions(PAM))
        .isInstanceOfSatisfying(
            AccessDeniedException.class,
            e -> assertThat(e.reason()).isEqualTo(DenyReason.TARGET_PROTECTED));
    assertThat(harness.directory.sessionsValidFrom(PAM)).isEmpty();
  }

  @Test
  void revokeSessions_helpdeskAdministrator_mayRevokeInTheirUnit() {
    assertThat(harness.signIn("hank").revokeSessions(DORA).user()).isEqualTo(DORA);
    assertThat(harness.directory.sessionsValidFrom(DORA)).isPresent();
  }

  @Test
  void revokeSessions_writerWithoutTheCapability_refusedUpFrontAndNotOffered() {
    harness.close();
    harness =
        Harness.storeChain(
            b ->
                b.directoryWriter(
                    new ForwardingDirectoryWriter(
                        Harness.directoryOf(StoreChain.fixture().build())) {
                      @Override
                      public Optional<SessionRevoker> sessionRevoker() {
                        return Optional.empty();
                      }
                    }));
    StaffSession nina = harness.signIn("nina");
    int before = harness.log.size();

    assertThatThrownBy(() -> nina.revokeSessions(ALICE))
        .isInstanceOfSatisfying(
            CapabilityNotSupportedException.class,
            e -> assertThat(e.capability()).isEqualTo("session revocation"));
    assertThatThrownBy(() -> nina.preview(ChangeRequest.revokeSessions(ALICE)))
        .isInstanceOf(CapabilityNotSupportedException.class);
    assertThat(harness.eventsSince(before)).isEmpty();
    StaffMember alice = member(nina, "alice");
    assertThat(alice.denyReason(StaffAction.REVOKE_SESSIONS))
        .contains(DenyReason.ACTION_NOT_SUPPORTED);
    assertThat(alice.may(StaffAction.RESET_PASSWORD)).isTrue();
    assertThat(nina.profile(ALICE).allowedActions()).doesNotContain(StaffAction.REVOKE_SESSIONS);
  }

  @Test
  void members_rowsOfferRevokeToAllAndUnlockToSyncedUsersOnly() {
    StaffSession nina = harness.signIn("nina");
    StaffMember alice = member(nina, "alice");
    StaffMember carl = member(nina, "carl");

    assertThat(alice.may(StaffAction.REVOKE_SESSIONS)).isTrue();
    assertThat(alice.denyReason(StaffAction.UNLOCK_ACCOUNT))
        .contains(DenyReason.ACCOUNT_NOT_SYNCED);
    assertThat(carl.may(StaffAction.UNLOCK_ACCOUNT)).isTrue();
    assertThat(carl.may(StaffAction.REVOKE_SESSIONS)).isTrue();
    assertThat(nina.profile(CARL).allowedActions()).contains(StaffAction.UNLOCK_ACCOUNT);
    assertThat(nina.profile(ALICE).allowedActions()).doesNotContain(StaffAction.UNLOCK_ACCOUNT);
  }

  @Test
  void unlockAccount_syncedUser_unlockedOnPremisesWithOneSucceededEvent() {
    harness.writeback.lockOut(CARL);
    StaffSession nina = harness.signIn("nina");
    int before = harness.log.size();

    AccountUnlock unlocked = nina.unlockAccount(CARL);

    assertThat(unlocked.user()).isEqualTo(CARL);
    assertThat(harness.writeback.isLockedOut(CARL)).isFalse();
    assertThat(harness.eventsSince(before))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.activity()).isEqualTo(AuditActivity.UNLOCK_ACCOUNT);
              assertThat(e.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
              assertThat(e.correlationId()).isEqualTo(unlocked.correlationId());
              assertThat(e.isFromMyStaff()).isTrue();
              assertThat(e.additionalDetails()).containsKey("grantedByAssignment");
            });
  }

  @Test
  void unlockAccount_cloudOnlyUser_typedRefusalBeforeTheAttempt() {
    StaffSession nina = harness.signIn("nina");
    int before = harness.log.size();
    assertThatThrownBy(() -> nina.unlockAccount(ALICE))
        .isInstanceOfSatisfying(
            AccountNotSyncedException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.ACCOUNT_NOT_SYNCED);
              assertThat(e.userId()).isEqualTo(ALICE);
              assertThat(e.action()).isEqualTo(StaffAction.UNLOCK_ACCOUNT);
            });
    assertThatThrownBy(() -> nina.preview(ChangeRequest.unlockAccount(ALICE)))
        .isInstanceOf(AccountNotSyncedException.class);
    assertThat(harness.eventsSince(before)).isEmpty();
  }

  @Test
  void unlockAccount_writebackFails_oneFailedEventAndStillLocked() {
    harness.writeback.lockOut(CARL);
    harness.writeback.failFor(CARL, WritebackFailure.ACCESS_DENIED);
    StaffSession nina = harness.signIn("nina");
    int before = harness.log.size();
    assertThatThrownBy(() -> nina.unlockAccount(CARL))
        .isInstanceOfSatisfying(
            ProviderFailureException.class,
            e -> assertThat(e.provider()).isEqualTo("account unlock"));
    assertThat(harness.writeback.isLockedOut(CARL)).isTrue();
    assertThat(harness.eventsSince(before))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.outcome()).isEqualTo(AuditOutcome.FAILED);
              assertThat(e.resultReason()).contains("UNLOCK_ACCESS_DENIED");
            });
  }

  @Test
  void unlockAccount_writebackWithoutTheCapability_refusedAndNotOffered() {
    harness.close();
    harness =
        Harness.storeChain(
            b -> b.passwordWriteback(ScriptableWriteback.synchronous().unlocks(false)));
    StaffSession nina = harness.signIn("nina");
    assertThatThrownBy(() -> nina.unlockAccount(CARL))
        .isInstanceOfSatisfying(
            CapabilityNotSupportedException.class,
            e -> assertThat(e.capability()).isEqualTo("account unlock"));
    assertThat(member(nina, "carl").denyReason(StaffAction.UNLOCK_ACCOUNT))
        .contains(DenyReason.ACTION_NOT_SUPPORTED);
    assertThat(member(nina, "alice").denyReason(StaffAction.UNLOCK_ACCOUNT))
        .as("not supported comes before not synced")
        .contains(DenyReason.ACTION_NOT_SUPPORTED);
  }

  @Test
  void unlockAccount_withTheFakeWriteback_preconditionAskedAndUnlockRecorded() {
    ScriptableWriteback fake = ScriptableWriteback.synchronous();
    harness.close();
    harness = Harness.storeChain(b -> b.passwordWriteback(fake));
    harness.signIn("nina").unlockAccount(CARL);
    assertThat(fake.unlocked()).containsExactly(CARL);
  }

  @Test
  void accountActions_rateLimitedPerKind_deniedWithOneDeniedEvent() {
    harness.close();
    harness =
        Harness.storeChain(
            b ->
                b.settings(
                    MyStaffSettings.builder()
                        .accountActionLimit(RateLimit.of(1, Duration.ofHours(1)))
                        .build()));
    StaffSession nina = harness.signIn("nina");
    nina.revokeSessions(ALICE);
    nina.unlockAccount(CARL); // its own bucket
    int before = harness.log.size();

    assertThat(nina.preview(ChangeRequest.revokeSessions(ALICE)).denyReason())
        .contains(DenyReason.RATE_LIMITED);
    assertThatThrownBy(() -> nina.revokeSessions(ALICE))
        .isInstanceOfSatisfying(
            AccessDeniedException.class,
            e -> assertThat(e.reason()).isEqualTo(DenyReason.RATE_LIMITED));
    assertThatThrownBy(() -> nina.unlockAccount(CARL))
        .isInstanceOfSatisfying(
            AccessDeniedException.class,
            e -> assertThat(e.reason()).isEqualTo(DenyReason.RATE_LIMITED));
    assertThat(harness.eventsSince(before))
        .extracting(AuditEvent::outcome, AuditEvent::resultReason)
        .containsOnly(
            org.assertj.core.groups.Tuple.tuple(AuditOutcome.DENIED, Optional.of("RATE_LIMITED")))
        .hasSize(2);
  }

  @Test
  void preview_accountActions_sideEffectsAndNothingRecorded() {
    StaffSession nina = harness.signIn("nina");
    int before = harness.log.size();
    long version = harness.user("alice").version();

    ChangePreview revoke = nina.preview(ChangeRequest.revokeSessions(ALICE));
    ChangePreview unlock = nina.preview(ChangeRequest.unlockAccount(CARL));
    ChangePreview denied = nina.preview(ChangeRequest.revokeSessions(DORA));

    assertThat(revoke.isAllowed()).isTrue();
    assertThat(revoke.activity()).isEqualTo(AuditActivity.REVOKE_SESSIONS);
    assertThat(revoke.sideEffects()).containsExactly(ChangePreview.SideEffect.SESSIONS_REVOKED);
    assertThat(unlock.isAllowed()).isTrue();
    assertThat(unlock.sideEffects())
        .containsExactly(ChangePreview.SideEffect.ON_PREMISES_ACCOUNT_UNLOCKED);
    assertThat(denied.denyReason()).contains(DenyReason.TARGET_OUT_OF_SCOPE);
    assertThat(harness.eventsSince(before)).isEmpty();
    assertThat(harness.user("alice").version()).isEqualTo(version);
    assertThat(harness.directory.sessionsValidFrom(ALICE)).isEmpty();
  }

  private static StaffMember member(StaffSession session, String alias) {
    Map<UserId, StaffMember> rows =
        session.members(UnitId.of("north"), PageRequest.first(100)).items().stream()
            .collect(Collectors.toMap(m -> m.user().id(), Function.identity()));
    StaffMember m = rows.get(UserId.of(alias));
    if (m == null) {
      throw new AssertionError(alias + " is not listed in north: " + rows.keySet());
    }
    return m;
  }
}
