package io.mystaff.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.AssignmentId;
import io.mystaff.api.UserId;
import io.mystaff.api.access.AccessVerdict;
import io.mystaff.api.access.SignInContext;
import io.mystaff.api.access.SignInRefusal;
import io.mystaff.api.authz.ActorFacts;
import io.mystaff.api.authz.BuiltInRole;
import io.mystaff.api.authz.RoleAssignment;
import io.mystaff.api.authz.RoleCatalog;
import io.mystaff.api.authz.RoleDefinition;
import io.mystaff.api.authz.Scope;
import io.mystaff.api.directory.User;
import io.mystaff.core.authz.AuthorizationEngine;
import io.mystaff.spi.ConditionalAccess;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SignInGateTest {
  private static final Instant NOW = Instant.parse("2025-03-01T09:00:00Z");
  private static final UserId ANN = UserId.of("ann");
  private static final User ANN_USER =
      User.builder().id(ANN).userPrincipalName("ann@contoso.com").displayName("Ann").build();
  private static final RoleAssignment HELPDESK =
      RoleAssignment.of(
          AssignmentId.of("a1"), ANN, BuiltInRole.HELPDESK_ADMINISTRATOR, Scope.tenant());
  private static final ActorFacts WITH_ROLE = new ActorFacts(ANN, List.of(HELPDESK));
  private static final RoleCatalog ROLES = RoleCatalog.builtIns();
  private static final ActorFacts WITHOUT_ROLE = new ActorFacts(ANN, List.of());

  private final AtomicInteger hookCalls = new AtomicInteger();

  private SignInGate gate(FeatureAvailability availability, AccessVerdict verdict) {
    return SignInGate.of(
        availability,
        context -> {
          hookCalls.incrementAndGet();
          return verdict;
        },
        AuthorizationEngine.standard());
  }

  private static SignInContext signIn(boolean mfa) {
    return SignInContext.of(ANN, mfa);
  }

  @Test
  void withAvailability_replacesOnlyTheAvailability() {
    SignInGate all = gate(FeatureAvailability.all(), AccessVerdict.requireMfa());
    SignInGate none = all.withAvailability(FeatureAvailability.none());
    assertThat(all.availability()).isEqualTo(FeatureAvailability.all());
    assertThat(none.availability()).isEqualTo(FeatureAvailability.none());
    assertThat(none.admit(signIn(true), Optional.of(ANN_USER), WITH_ROLE, ROLES, NOW).isAdmitted())
        .isFalse();
    SignInGate back = none.withAvailability(FeatureAvailability.all());
    assertThat(back.admit(signIn(false), Optional.of(ANN_USER), WITH_ROLE, ROLES, NOW).isAdmitted())
        .as("same hook: MFA still required")
        .isFalse();
    assertThat(back.admit(signIn(true), Optional.of(ANN_USER), WITH_ROLE, ROLES, NOW).isAdmitted())
        .isTrue();
  }

  @Test
  void admit_enabledUserWithActiveRoleAndAllow_admitted() {
    Admission admission =
        gate(FeatureAvailability.all(), AccessVerdict.allow())
            .admit(signIn(false), Optional.of(ANN_USER), WITH_ROLE, ROLES, NOW);
    assertThat(admission.isAdmitted()).isTrue();
    assertThat(hookCalls).hasValue(1);
  }

  @Test
  void admit_unknownUser_accountUnavailableWithoutAskingTheHook() {
    Admission admission =
        gate(FeatureAvailability.all(), AccessVerdict.allow())
            .admit(signIn(true), Optional.empty(), WITH_ROLE, ROLES, NOW);
    assertThat(admission).isEqualTo(Admission.refused(SignInRefusal.ACCOUNT_UNAVAILABLE));
    assertThat(hookCalls).hasValue(0);
  }

  @Test
  void admit_disabledUser_accountUnavailable() {
    User disabled = ANN_USER.toBuilder().accountEnabled(false).build();
    assertThat(
            gate(FeatureAvailability.all(), AccessVerdict.allow())
                .admit(signIn(true), Optional.of(disabled), WITH_ROLE, ROLES, NOW))
        .isEqualTo(Admission.refused(SignInRefusal.ACCOUNT_UNAVAILABLE));
  }

  @Test
  void admit_featureNone_featureNotEnabledBeforeRoleCheck() {
    assertThat(
            gate(FeatureAvailability.none(), AccessVerdict.allow())
                .admit(signIn(true), Optional.of(ANN_USER), WITHOUT_ROLE, ROLES, NOW))
        .isEqualTo(Admission.refused(SignInRefusal.FEATURE_NOT_ENABLED));
    assertThat(hookCalls).hasValue(0);
  }

  @Test
  void admit_featureSelectedForOthers_featureNotEnabled() {
    FeatureAvailability others = FeatureAvailability.selected(Set.of(UserId.of("bob")), Set.of());
    assertThat(
            gate(others, AccessVerdict.allow())
                .admit(signIn(true), Optional.of(ANN_USER), WITH_ROLE, ROLES, NOW))
        .isEqualTo(Admission.refused(SignInRefusal.FEATURE_NOT_ENABLED));
  }

  @Test
  void admit_noAssignment_noAdminRole() {
    assertThat(
            gate(FeatureAvailability.all(), AccessVerdict.allow())
                .admit(signIn(true), Optional.of(ANN_USER), WITHOUT_ROLE, ROLES, NOW))
        .isEqualTo(Admission.refused(SignInRefusal.NO_ADMIN_ROLE));
    assertThat(hookCalls).hasValue(0);
  }

  @Test
  void readerOnlyRoleIsNotAdmitted() {
    for (BuiltInRole reader :
        List.of(
            BuiltInRole.GLOBAL_READER,
            BuiltInRole.DIRECTORY_READERS,
            BuiltInRole.SECURITY_ADMINISTRATOR,
            BuiltInRole.PRIVILEGED_ROLE_ADMINISTRATOR)) {
      ActorFacts actor =
          new ActorFacts(
              ANN, List.of(RoleAssignment.of(AssignmentId.of("r"), ANN, reader, Scope.tenant())));
      assertThat(
              gate(FeatureAvailability.all(), AccessVerdict.allow())
                  .admit(signIn(true), Optional.of(ANN_USER), actor, ROLES, NOW))
          .as(reader.displayName())
          .isEqualTo(Admission.refused(SignInRefusal.NO_MY_STAFF_PERMISSION));
    }
    assertThat(hookCalls).hasValue(0);
  }

  @Test
  void customRoleWithoutMyStaffPermissionIsNotAdmitted() {
    RoleDefinition viewer =
        RoleDefinition.custom(
            io.mystaff.api.RoleId.of("viewer"),
            "Viewer",
            Set.of("microsoft.directory/users/standard/read"));
    RoleDefinition resetter =
        RoleDefinition.custom(
            io.mystaff.api.RoleId.of("resetter"),
            "Resetter",
            Set.of(io.mystaff.api.authz.StaffAction.RESET_PASSWORD.resourceAction()));
    RoleCatalog roles = RoleCatalog.of(List.of(viewer, resetter));
    ActorFacts viewing =
        new ActorFacts(
            ANN,
            List.of(RoleAssignment.of(AssignmentId.of("v"), ANN, viewer.id(), Scope.tenant())));
    ActorFacts resetting =
        new ActorFacts(
            ANN,
            List.of(RoleAssignment.of(AssignmentId.of("r"), ANN, resetter.id(), Scope.tenant())));
    SignInGate gate = gate(FeatureAvailability.all(), AccessVerdict.allow());

    assertThat(gate.admit(signIn(true), Optional.of(ANN_USER), viewing, roles, NOW))
        .isEqualTo(Admission.refused(SignInRefusal.NO_MY_STAFF_PERMISSION));
    assertThat(gate.admit(signIn(true), Optional.of(ANN_USER), resetting, roles, NOW).isAdmitted())
        .isTrue();
  }

  @Test
  void expiredGrantingRoleBesideActiveReaderIsNotAdmitted() {
    RoleAssignment expired = HELPDESK.during(NOW.minus(Duration.ofDays(2)), NOW);
    RoleAssignment reader =
        RoleAssignment.of(AssignmentId.of("r"), ANN, BuiltInRole.GLOBAL_READER, Scope.tenant());
    assertThat(
            gate(FeatureAvailability.all(), AccessVerdict.allow())
                .admit(
                    signIn(true),
                    Optional.of(ANN_USER),
                    new ActorFacts(ANN, List.of(expired, reader)),
                    ROLES,
                    NOW))
        .isEqualTo(Admission.refused(SignInRefusal.NO_MY_STAFF_PERMISSION));
  }

  @Test
  void phoneOnlyGrantAdmits() {
    RoleDefinition phones =
        RoleDefinition.custom(
            io.mystaff.api.RoleId.of("phones"),
            "Phones",
            Set.of(io.mystaff.api.authz.StaffAction.MANAGE_PHONES.resourceAction()));
    ActorFacts actor =
        new ActorFacts(
            ANN,
            List.of(RoleAssignment.of(AssignmentId.of("p"), ANN, phones.id(), Scope.tenant())));
    assertThat(
            gate(FeatureAvailability.all(), AccessVerdict.allow())
                .admit(
                    signIn(true),
                    Optional.of(ANN_USER),
                    actor,
                    RoleCatalog.of(List.of(phones)),
                    NOW)
                .isAdmitted())
        .isTrue();
  }

  @Test
  void admit_assignmentExpiredAtSignIn_noAdminRole() {
    RoleAssignment expired = HELPDESK.during(NOW.minus(Duration.ofDays(2)), NOW);
    assertThat(
            gate(FeatureAvailability.all(), AccessVerdict.allow())
                .admit(
                    signIn(true),
                    Optional.of(ANN_USER),
                    new ActorFacts(ANN, List.of(expired)),
                    ROLES,
                    NOW))
        .isEqualTo(Admission.refused(SignInRefusal.NO_ADMIN_ROLE));
  }

  @Test
  void admit_assignmentNotYetStarted_noAdminRole() {
    RoleAssignment future = HELPDESK.during(NOW.plusSeconds(1), NOW.plus(Duration.ofDays(1)));
    assertThat(
            gate(FeatureAvailability.all(), AccessVerdict.allow())
                .admit(
                    signIn(true),
                    Optional.of(ANN_USER),
                    new ActorFacts(ANN, List.of(future)),
                    ROLES,
                    NOW))
        .isEqualTo(Admission.refused(SignInRefusal.NO_ADMIN_ROLE));
  }

  @Test
  void admit_requireMfaWithoutMfa_mfaRequired() {
    assertThat(
            gate(FeatureAvailability.all(), AccessVerdict.requireMfa())
                .admit(signIn(false), Optional.of(ANN_USER), WITH_ROLE, ROLES, NOW))
        .isEqualTo(Admission.refused(SignInRefusal.MFA_REQUIRED));
  }

  @Test
  void admit_requireMfaWithMfa_admitted() {
    assertThat(
            gate(FeatureAvailability.all(), AccessVerdict.requireMfa())
                .admit(signIn(true), Optional.of(ANN_USER), WITH_ROLE, ROLES, NOW)
                .isAdmitted())
        .isTrue();
  }

  @Test
  void admit_block_blockedByPolicyWithPolicyReason() {
    assertThat(
            gate(FeatureAvailability.all(), AccessVerdict.block("UNTRUSTED_LOCATION"))
                .admit(signIn(true), Optional.of(ANN_USER), WITH_ROLE, ROLES, NOW))
        .isEqualTo(
            new Admission.Refused(
                SignInRefusal.BLOCKED_BY_POLICY, Optional.of("UNTRUSTED_LOCATION")));
  }

  @Test
  void admit_hookThrows_blockedByPolicy() {
    ConditionalAccess broken =
        context -> {
          throw new IllegalStateException("policy service down");
        };
    assertThat(
            SignInGate.of(FeatureAvailability.all(), broken, AuthorizationEngine.standard())
                .admit(signIn(true), Optional.of(ANN_USER), WITH_ROLE, ROLES, NOW))
        .isEqualTo(
            new Admission.Refused(
                SignInRefusal.BLOCKED_BY_POLICY, Optional.of(SignInGate.HOOK_FAILED)));
  }

  @Test
  void admit_hookAnswersNull_blockedByPolicy() {
    assertThat(
            SignInGate.of(
                    FeatureAvailability.all(), context -> null, AuthorizationEngine.standard())
                .admit(signIn(true), Optional.of(ANN_USER), WITH_ROLE, ROLES, NOW))
        .isEqualTo(
            new Admission.Refused(
                SignInRefusal.BLOCKED_BY_POLICY, Optional.of(SignInGate.HOOK_FAILED)));
  }

  @Test
  void admit_factsAboutAnotherUser_rejected() {
    SignInGate gate = gate(FeatureAvailability.all(), AccessVerdict.allow());
    ActorFacts bob = new ActorFacts(UserId.of("bob"), List.of());
    assertThatThrownBy(() -> gate.admit(signIn(true), Optional.of(ANN_USER), bob, ROLES, NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
