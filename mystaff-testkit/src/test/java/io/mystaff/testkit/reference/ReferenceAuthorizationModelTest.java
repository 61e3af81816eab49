package io.mystaff.testkit.reference;

import static io.mystaff.api.authz.StaffAction.MANAGE_PHONES;
import static io.mystaff.api.authz.StaffAction.RESET_PASSWORD;
import static io.mystaff.api.authz.StaffAction.VIEW_PROFILE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.AssignmentId;
import io.mystaff.api.RoleId;
import io.mystaff.api.UnitId;
import io.mystaff.api.UnknownUserException;
import io.mystaff.api.UserId;
import io.mystaff.api.authz.BuiltInRole;
import io.mystaff.api.authz.Decision;
import io.mystaff.api.authz.DenyReason;
import io.mystaff.api.authz.RoleAssignment;
import io.mystaff.api.authz.RoleDefinition;
import io.mystaff.api.authz.Scope;
import io.mystaff.api.authz.StaffAction;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.api.directory.User;
import io.mystaff.testkit.fixtures.Tenant;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Hand-checked cases, each traceable to a sentence or table cell of Entra's documentation. */
class ReferenceAuthorizationModelTest {
  private static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");
  private static final UserId ADMIN = UserId.of("admin");
  private static final UserId TARGET = UserId.of("target");
  private static final UnitId STORE = UnitId.of("store");
  private static final UnitId EXEC = UnitId.of("exec");
  private static final RoleId RESETTER = RoleId.of("resetter");

  private final ReferenceAuthorizationModel model = new ReferenceAuthorizationModel();
  private final AtomicInteger ids = new AtomicInteger();
  private final Tenant.Builder tenant =
      Tenant.builder()
          .user(user(ADMIN))
          .user(user(TARGET))
          .unit(AdministrativeUnit.assigned(STORE, "Store"))
          .unit(AdministrativeUnit.assigned(EXEC, "Executives").withRestrictedManagement(true))
          .customRole(
              RoleDefinition.custom(RESETTER, "Resetter", Set.of(RESET_PASSWORD.resourceAction())));

  private static User user(UserId id) {
    return User.builder()
        .id(id)
        .userPrincipalName(id + "@contoso.example")
        .displayName(id.value())
        .build();
  }

  private RoleAssignment give(UserId who, RoleId role, Scope scope) {
    RoleAssignment a =
        RoleAssignment.of(AssignmentId.of("a" + ids.incrementAndGet()), who, role, scope);
    tenant.assignment(a);
    return a;
  }

  private RoleAssignment give(UserId who, BuiltInRole role, Scope scope) {
    return give(who, role.templateId(), scope);
  }

  private Decision decide(StaffAction action) {
    return model.decide(tenant.build(), ADMIN, action, TARGET, NOW);
  }

  @Test
  void decide_helpdeskOnPasswordAdministrator_permitted() {
    RoleAssignment helpdesk = give(ADMIN, BuiltInRole.HELPDESK_ADMINISTRATOR, Scope.tenant());
    give(TARGET, BuiltInRole.PASSWORD_ADMINISTRATOR, Scope.tenant());
    assertThat(decide(RESET_PASSWORD)).isEqualTo(new Decision.Permit(RESET_PASSWORD, helpdesk));
  }

  @Test
  void decide_helpdeskOnUserAdministrator_deniedTargetProtected() {
    give(ADMIN, BuiltInRole.HELPDESK_ADMINISTRATOR, Scope.tenant());
    give(TARGET, BuiltInRole.USER_ADMINISTRATOR, Scope.tenant());
    assertThat(decide(RESET_PASSWORD).denyReason()).contains(DenyReason.TARGET_PROTECTED);
  }

  @Test
  void decide_userAdministratorManagingPhones_deniedRoleLacksPermission() {
    give(ADMIN, BuiltInRole.USER_ADMINISTRATOR, Scope.tenant());
    assertThat(decide(MANAGE_PHONES).denyReason()).contains(DenyReason.ROLE_LACKS_PERMISSION);
  }

  @Test
  void decide_tenantGlobalAdministratorOnRestrictedMember_deniedRestrictedManagementUnit() {
    give(ADMIN, BuiltInRole.GLOBAL_ADMINISTRATOR, Scope.tenant());
    tenant.member(EXEC, TARGET);
    assertThat(decide(RESET_PASSWORD).denyReason()).contains(DenyReason.RESTRICTED_MANAGEMENT_UNIT);
    assertThat(decide(VIEW_PROFILE).isPermit()).isTrue();
  }

  @Test
  void decide_unitScopedHelpdeskOnMemberWithAnyRole_deniedTargetProtected() {
    give(ADMIN, BuiltInRole.HELPDESK_ADMINISTRATOR, Scope.unit(STORE));
    tenant.member(STORE, TARGET);
    assertThat(decide(RESET_PASSWORD).isPermit()).isTrue();
    give(TARGET, BuiltInRole.DIRECTORY_READERS, Scope.tenant());
    assertThat(decide(RESET_PASSWORD).denyReason()).contains(DenyReason.TARGET_PROTECTED);
  }

  @Test
  void decide_customResetterOnRoleAssignableGroupMember_deniedTargetProtected() {
    give(ADMIN, RESETTER, Scope.tenant());
    assertThat(decide(RESET_PASSWORD).isPermit()).isTrue();
    tenant.roleAssignableGroupMember(TARGET);
    assertThat(decide(RESET_PASSWORD).denyReason()).contains(DenyReason.TARGET_PROTECTED);
  }

  @Test
  void decide_unitScopedOutsideUnit_deniedTargetOutOfScope() {
    give(ADMIN, BuiltInRole.PASSWORD_ADMINISTRATOR, Scope.unit(STORE));
    assertThat(decide(RESET_PASSWORD).denyReason()).contains(DenyReason.TARGET_OUT_OF_SCOPE);
  }

  @Test
  void decide_expiredRole_deniedNoActiveRole() {
    tenant.assignment(
        RoleAssignment.of(
                AssignmentId.of("old"), ADMIN, BuiltInRole.GLOBAL_ADMINISTRATOR, Scope.tenant())
            .during(NOW.minusSeconds(60), NOW));
    assertThat(decide(VIEW_PROFILE).denyReason()).contains(DenyReason.NO_ACTIVE_ROLE);
  }

  @Test
  void decide_changeOnSelf_deniedSelfAction() {
    give(ADMIN, BuiltInRole.GLOBAL_ADMINISTRATOR, Scope.tenant());
    assertThat(model.decide(tenant.build(), ADMIN, RESET_PASSWORD, ADMIN, NOW).denyReason())
        .contains(DenyReason.SELF_ACTION);
    assertThat(model.allowedActions(tenant.build(), ADMIN, ADMIN, NOW))
        .containsExactly(VIEW_PROFILE);
  }

  @Test
  void decide_unknownUser_unknownUserException() {
    assertThatThrownBy(
            () -> model.decide(tenant.build(), ADMIN, VIEW_PROFILE, UserId.of("ghost"), NOW))
        .isInstanceOf(UnknownUserException.class);
  }
}
