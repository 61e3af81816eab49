package io.mystaff.tests.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.GroupId;
import io.mystaff.api.ProviderFailureException;
import io.mystaff.api.UserId;
import io.mystaff.api.access.SignInContext;
import io.mystaff.api.access.SignInRefusal;
import io.mystaff.api.access.SignInRefusedException;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditOutcome;
import io.mystaff.core.MyStaff;
import io.mystaff.core.MyStaffSettings;
import io.mystaff.core.StaffSession;
import io.mystaff.core.access.FeatureAvailability;
import io.mystaff.spi.ConditionalAccess;
import io.mystaff.testkit.fakes.FailingDirectory;
import io.mystaff.testkit.fakes.ScriptedConditionalAccess;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SignInTest {
  private Harness harness;

  @AfterEach
  void close() {
    if (harness != null) {
      harness.close();
    }
  }

  private Harness harness(Consumer<MyStaff.Builder> customize) {
    harness =
        Harness.of(
            StoreChain.fixture().cloudUser("nina", u -> u.group("store-managers")).build(),
            customize);
    return harness;
  }

  private Harness harness() {
    return harness(b -> {});
  }

  private static MyStaffSettings availability(FeatureAvailability availability) {
    return MyStaffSettings.builder().availability(availability).build();
  }

  private void assertRefused(String alias, boolean mfa, SignInRefusal reason) {
    assertThatThrownBy(() -> harness.myStaff.signIn(SignInContext.of(UserId.of(alias), mfa)))
        .isInstanceOfSatisfying(
            SignInRefusedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(reason);
              assertThat(e.user()).isEqualTo(UserId.of(alias));
            });
    AuditEvent event = harness.log.all().get(harness.log.size() - 1);
    assertThat(event.activity()).isEqualTo(AuditActivity.SIGN_IN);
    assertThat(event.outcome()).isEqualTo(AuditOutcome.DENIED);
    assertThat(event.resultReason()).contains(reason.name());
    assertThat(event.initiatedBy().id()).isEqualTo(UserId.of(alias));
    assertThat(event.isFromMyStaff()).isTrue();
  }

  @Test
  void signIn_unitManager_admittedAndAuditedOnce() {
    StaffSession session =
        harness()
            .myStaff
            .signIn(new SignInContext(UserId.of("nina"), true, Optional.of("203.0.113.7")));

    assertThat(session.manager().id()).isEqualTo(UserId.of("nina"));
    AuditEvent event = harness.log.all().get(0);
    assertThat(harness.log.size()).isEqualTo(1);
    assertThat(event.activity()).isEqualTo(AuditActivity.SIGN_IN);
    assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
    assertThat(event.initiatedBy().userPrincipalName()).contains("nina@contoso.com");
    assertThat(event.initiatedBy().ipAddress()).contains("203.0.113.7");
    assertThat(event.targets())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.id()).isEqualTo("nina");
              assertThat(t.type()).isEqualTo("User");
            });
    assertThat(event.activityDateTime()).isEqualTo(StoreChain.T0);
  }

  @Test
  void signIn_featureNone_refusedFeatureNotEnabled() {
    harness(b -> b.settings(availability(FeatureAvailability.none())));
    assertRefused("nina", true, SignInRefusal.FEATURE_NOT_ENABLED);
  }

  @Test
  void signIn_featureSelectedForSomeoneElse_refusedFeatureNotEnabled() {
    harness(
        b ->
            b.settings(
                availability(FeatureAvailability.selected(Set.of(UserId.of("sam")), Set.of()))));
    assertRefused("nina", true, SignInRefusal.FEATURE_NOT_ENABLED);
    assertThat(harness.signIn("sam").manager().id()).isEqualTo(UserId.of("sam"));
  }

  @Test
  void signIn_featureSelectedForManagersGroup_admitsMembersOnly() {
    harness(
        b ->
            b.settings(
                availability(
                    FeatureAvailability.selected(Set.of(), Set.of(GroupId.of("store-managers"))))));
    assertThat(harness.signIn("nina").manager().id()).isEqualTo(UserId.of("nina"));
    assertRefused("sam", true, SignInRefusal.FEATURE_NOT_ENABLED);
  }

  @Test
  void signIn_noRole_refusedNoAdminRole() {
    harness();
    assertRefused("eve", true, SignInRefusal.NO_ADMIN_ROLE);
  }

  @Test
  void signIn_timeBoundRoleActive_admittedThenRefusedOnceExpired() {
    harness();
    harness.signIn("tim");
    harness.clock.set(StoreChain.TIM_ROLE_ENDS);
    assertRefused("tim", true, SignInRefusal.NO_ADMIN_ROLE);
  }

  @Test
  void signIn_unknownUser_refusedAccountUnavailable() {
    harness();
    assertRefused("nobody", true, SignInRefusal.ACCOUNT_UNAVAILABLE);
    assertThat(harness.log.all().get(0).targets()).isEmpty();
  }

  @Test
  void signIn_disabledManager_refusedAccountUnavailable() {
    harness =
        Harness.of(StoreChain.fixture().cloudUser("nina", u -> u.disabled()).build(), b -> {});
    assertRefused("nina", true, SignInRefusal.ACCOUNT_UNAVAILABLE);
  }

  @Test
  void signIn_mfaRequiredWithoutMfa_refusedMfaRequired() {
    harness(b -> b.conditionalAccess(ConditionalAccess.requireMfa()));
    assertRefused("nina", false, SignInRefusal.MFA_REQUIRED);
  }

  @Test
  void signIn_mfaRequiredWithMfa_admitted() {
    harness(b -> b.conditionalAccess(ConditionalAccess.requireMfa()));
    assertThat(harness.myStaff.signIn(SignInContext.of(UserId.of("nina"), true)).manager().id())
        .isEqualTo(UserId.of("nina"));
  }

  @Test
  void signIn_blockedByPolicy_refusedWithPolicyDetailInEvent() {
    harness(
        b ->
            b.conditionalAccess(
                ScriptedConditionalAccess.allowingAll().block(UserId.of("nina"), "RISKY_SIGN_IN")));
    assertRefused("nina", true, SignInRefusal.BLOCKED_BY_POLICY);
    assertThat(harness.log.all().get(0).additionalDetails())
        .containsEntry("conditionalAccessDetail", "RISKY_SIGN_IN");
  }

  @Test
  void signIn_hookThrows_refusedBlockedByPolicy() {
    harness(
        b ->
            b.conditionalAccess(
                context -> {
                  throw new IllegalStateException("policy engine unreachable");
                }));
    assertRefused("nina", true, SignInRefusal.BLOCKED_BY_POLICY);
    assertThat(harness.log.all().get(0).additionalDetails())
        .containsEntry("conditionalAccessDetail", "HOOK_FAILED");
  }

  @Test
  void signIn_noAdminRole_conditionalAccessNotAsked() {
    ScriptedConditionalAccess policy = ScriptedConditionalAccess.allowingAll();
    harness(b -> b.conditionalAccess(policy));
    assertRefused("eve", true, SignInRefusal.NO_ADMIN_ROLE);
    assertThat(policy.evaluationCount()).isZero();
  }

  @Test
  void signIn_sinkDown_noSessionWithoutItsEvent() {
    harness().sink.failAlways();
    assertThatThrownBy(() -> harness.signIn("nina")).isInstanceOf(ProviderFailureException.class);
    assertThat(harness.log.size()).isZero();
  }

  @Test
  void signIn_refusedWhileSinkDown_providerFailureKeepingTheRefusal() {
    harness().sink.failAlways();
    assertThatThrownBy(() -> harness.signIn("eve"))
        .isInstanceOfSatisfying(
            ProviderFailureException.class,
            e ->
                assertThat(e.getSuppressed())
                    .singleElement()
                    .isInstanceOf(SignInRefusedException.class));
  }

  @Test
  void signIn_directoryDown_providerFailureWithOneFailedEvent() {
    var directory = Harness.directoryOf(StoreChain.fixture().build());
    FailingDirectory failing =
        FailingDirectory.wrapping(directory).failAlways(FailingDirectory.Operation.ASSIGNMENTS_OF);
    harness(b -> b.directory(failing).directoryWriter(failing));

    assertThatThrownBy(() -> harness.signIn("nina"))
        .isInstanceOfSatisfying(
            ProviderFailureException.class, e -> assertThat(e.provider()).isEqualTo("directory"));
    assertThat(harness.log.all())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.activity()).isEqualTo(AuditActivity.SIGN_IN);
              assertThat(e.outcome()).isEqualTo(AuditOutcome.FAILED);
              assertThat(e.resultReason()).contains("PROVIDER_FAILURE");
              assertThat(e.initiatedBy().userPrincipalName()).contains("nina@contoso.com");
            });
  }

  @Test
  void signIn_afterClose_illegalState() {
    harness().myStaff.close();
    assertThatThrownBy(() -> harness.signIn("nina")).isInstanceOf(IllegalStateException.class);
    assertThat(harness.log.size()).isZero();
  }

  @Test
  void session_afterClose_illegalState() {
    StaffSession session = harness().signIn("nina");
    harness.myStaff.close();
    assertThatThrownBy(session::locations).isInstanceOf(IllegalStateException.class);
  }
}
