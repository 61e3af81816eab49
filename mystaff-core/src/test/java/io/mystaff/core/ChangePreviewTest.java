package io.mystaff.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.AssignmentId;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.UserId;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.authz.BuiltInRole;
import io.mystaff.api.authz.Decision;
import io.mystaff.api.authz.DenyReason;
import io.mystaff.api.authz.RoleAssignment;
import io.mystaff.api.authz.Scope;
import io.mystaff.api.authz.StaffAction;
import io.mystaff.api.directory.PhoneType;
import io.mystaff.api.password.PasswordRejectedException;
import io.mystaff.api.password.PolicyViolation;
import io.mystaff.api.password.Secret;
import io.mystaff.core.ChangePreview.SideEffect;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChangePreviewTest {
  private static final UserId ANNA = UserId.of("anna");
  private static final Decision.Permit PERMIT =
      new Decision.Permit(
          StaffAction.RESET_PASSWORD,
          RoleAssignment.of(
              AssignmentId.of("a1"),
              UserId.of("tara"),
              BuiltInRole.HELPDESK_ADMINISTRATOR.templateId(),
              Scope.tenant()));
  private static final Decision.Deny DENY =
      new Decision.Deny(StaffAction.RESET_PASSWORD, DenyReason.TARGET_PROTECTED);

  @Test
  void allowed_hasSideEffectsAndNoReason() {
    ChangePreview p =
        ChangePreview.allowed(
            ANNA,
            AuditActivity.RESET_PASSWORD,
            PERMIT,
            Set.of(SideEffect.FORCE_CHANGE_AT_NEXT_SIGN_IN, SideEffect.WRITEBACK_TO_ON_PREMISES),
            Optional.empty());
    assertThat(p.isAllowed()).isTrue();
    assertThat(p.reasonCode()).isEmpty();
    assertThat(p.denyReason()).isEmpty();
    assertThat(p.sideEffects())
        .containsExactly(
            SideEffect.FORCE_CHANGE_AT_NEXT_SIGN_IN, SideEffect.WRITEBACK_TO_ON_PREMISES);
  }

  @Test
  void denied_reasonCodeIsTheDenyReason() {
    ChangePreview p = ChangePreview.denied(ANNA, AuditActivity.RESET_PASSWORD, DENY);
    assertThat(p.isAllowed()).isFalse();
    assertThat(p.denyReason()).contains(DenyReason.TARGET_PROTECTED);
    assertThat(p.reasonCode()).contains("TARGET_PROTECTED");
    assertThat(p.sideEffects()).isEmpty();
  }

  @Test
  void refused_carriesTheFailureAndViolations() {
    List<PolicyViolation> violations = List.of(PolicyViolation.of("password.tooShort", "min", 8));
    ChangePreview p =
        ChangePreview.refused(
            ANNA,
            AuditActivity.RESET_PASSWORD,
            PERMIT,
            UserChange.Refusal.passwordRejected(new PasswordRejectedException(violations)));
    assertThat(p.isAllowed()).isFalse();
    assertThat(p.denyReason()).isEmpty();
    assertThat(p.reasonCode()).contains("PASSWORD_POLICY_VIOLATION");
    assertThat(p.policyViolations()).isEqualTo(violations);
  }

  @Test
  void inconsistentParts_areRejected() {
    assertThatThrownBy(
            () ->
                new ChangePreview(
                    ANNA,
                    AuditActivity.RESET_PASSWORD,
                    DENY,
                    Optional.empty(),
                    List.of(),
                    Set.of(SideEffect.FORCE_CHANGE_AT_NEXT_SIGN_IN),
                    Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new ChangePreview(
                    ANNA,
                    AuditActivity.RESET_PASSWORD,
                    DENY,
                    Optional.of("PHONE_METHOD_NOT_FOUND"),
                    List.of(),
                    Set.of(),
                    Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new ChangePreview(
                    ANNA,
                    AuditActivity.RESET_PASSWORD,
                    PERMIT,
                    Optional.empty(),
                    List.of(PolicyViolation.of("password.tooShort")),
                    Set.of(),
                    Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                ChangePreview.allowed(
                    ANNA, AuditActivity.ADD_PHONE, PERMIT, Set.of(), Optional.of(PhoneType.MOBILE)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void requestWithPassword_neverShowsIt() {
    Secret secret = Secret.of("Correct-Horse-42!");
    ChangeRequest request = ChangeRequest.resetPassword(ANNA, secret);
    assertThat(request.toString()).doesNotContain("Correct").contains("managerChosen=true");
    assertThat(ChangeRequest.resetPassword(ANNA).toString()).contains("managerChosen=false");
  }

  @Test
  void requestFactories_rejectMissingArgumentsAsInvalidInput() {
    assertThatThrownBy(() -> ChangeRequest.resetPassword(null))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> ChangeRequest.resetPassword(ANNA, null))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> ChangeRequest.setPhone(ANNA, null, "+14255550100"))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> ChangeRequest.setPhone(ANNA, PhoneType.MOBILE, null))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> ChangeRequest.removePhone(null, PhoneType.MOBILE))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void staffMember_allowedActionsDeriveFromTheDecisions() {
    Map<StaffAction, Decision> decisions = new EnumMap<>(StaffAction.class);
    decisions.put(
        StaffAction.VIEW_PROFILE,
        new Decision.Permit(StaffAction.VIEW_PROFILE, PERMIT.grantedBy()));
    decisions.put(StaffAction.RESET_PASSWORD, DENY);
    decisions.put(
        StaffAction.MANAGE_PHONES,
        new Decision.Deny(StaffAction.MANAGE_PHONES, DenyReason.ROLE_LACKS_PERMISSION));
    decisions.put(
        StaffAction.REVOKE_SESSIONS,
        new Decision.Deny(StaffAction.REVOKE_SESSIONS, DenyReason.ACTION_NOT_SUPPORTED));
    decisions.put(
        StaffAction.UNLOCK_ACCOUNT,
        new Decision.Deny(StaffAction.UNLOCK_ACCOUNT, DenyReason.ACCOUNT_NOT_SYNCED));
    StaffMember m =
        new StaffMember(
            UserSummary.of(
                io.mystaff.api.directory.User.builder()
                    .id(ANNA)
                    .userPrincipalName("anna@contoso.example")
                    .displayName("Anna")
                    .build()),
            decisions);
    assertThat(m.allowedActions()).containsExactly(StaffAction.VIEW_PROFILE);
    assertThat(m.may(StaffAction.VIEW_PROFILE)).isTrue();
    assertThat(m.canManage()).isFalse();
    assertThat(m.denyReason(StaffAction.RESET_PASSWORD)).contains(DenyReason.TARGET_PROTECTED);
    assertThat(m.denyReason(StaffAction.VIEW_PROFILE)).isEmpty();

    decisions.remove(StaffAction.MANAGE_PHONES);
    assertThatThrownBy(() -> new StaffMember(m.user(), decisions))
        .isInstanceOf(IllegalArgumentException.class);
    decisions.put(StaffAction.MANAGE_PHONES, DENY);
    assertThatThrownBy(() -> new StaffMember(m.user(), decisions))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
