package io.mystaff.testkit.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.AssignmentId;
import io.mystaff.api.GroupId;
import io.mystaff.api.UnitId;
import io.mystaff.api.UnknownUserException;
import io.mystaff.api.UserId;
import io.mystaff.api.authz.ActorFacts;
import io.mystaff.api.authz.BuiltInRole;
import io.mystaff.api.authz.RoleAssignment;
import io.mystaff.api.authz.Scope;
import io.mystaff.api.authz.TargetFacts;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.api.directory.User;
import io.mystaff.testkit.fixtures.Tenant;
import org.junit.jupiter.api.Test;

class TenantFactsTest {
  private static final UserId ANN = UserId.of("ann");
  private static final UserId BOB = UserId.of("bob");
  private static final UnitId SALES = UnitId.of("sales");
  private static final UnitId EXEC = UnitId.of("exec");
  private static final UnitId VAULT = UnitId.of("vault");

  private final RoleAssignment bobInVault =
      RoleAssignment.of(
          AssignmentId.of("a1"), BOB, BuiltInRole.GROUPS_ADMINISTRATOR, Scope.unit(VAULT));
  private final RoleAssignment annHelpdesk =
      RoleAssignment.of(
          AssignmentId.of("a2"), ANN, BuiltInRole.HELPDESK_ADMINISTRATOR, Scope.unit(SALES));
  private final Tenant tenant =
      Tenant.builder()
          .user(user(ANN))
          .user(user(BOB))
          .unit(AdministrativeUnit.assigned(SALES, "Sales"))
          .unit(AdministrativeUnit.assigned(EXEC, "Executives").withRestrictedManagement(true))
          .unit(AdministrativeUnit.assigned(VAULT, "Vault").withRestrictedManagement(true))
          .member(SALES, BOB)
          .member(EXEC, BOB)
          .member(SALES, ANN)
          .assignment(bobInVault)
          .assignment(annHelpdesk)
          .roleAssignableGroupMember(BOB)
          .build();

  private static User user(UserId id) {
    return User.builder()
        .id(id)
        .userPrincipalName(id + "@contoso.example")
        .displayName(id.value())
        .build();
  }

  @Test
  void target_memberOfRestrictedUnitWithRoleScopedToAnother_allFactsRead() {
    TargetFacts bob = TenantFacts.target(tenant, BOB);
    assertThat(bob.units()).containsExactlyInAnyOrder(SALES, EXEC);
    assertThat(bob.restrictedUnits()).containsExactlyInAnyOrder(EXEC, VAULT);
    assertThat(bob.assignments()).containsExactly(bobInVault);
    assertThat(bob.roleAssignableGroupMember()).isTrue();
    assertThat(bob.inRestrictedUnit()).isTrue();
  }

  @Test
  void actor_userWithAssignments_hisAssignmentsOnly() {
    ActorFacts ann = TenantFacts.actor(tenant, ANN);
    assertThat(ann.assignments()).containsExactly(annHelpdesk);
    assertThat(TenantFacts.target(tenant, ANN).roleAssignableGroupMember()).isFalse();
  }

  @Test
  void target_unknownUser_unknownUserException() {
    assertThatThrownBy(() -> TenantFacts.target(tenant, UserId.of("nobody")))
        .isInstanceOf(UnknownUserException.class);
    assertThatThrownBy(() -> TenantFacts.actor(tenant, UserId.of("nobody")))
        .isInstanceOf(UnknownUserException.class);
  }

  @Test
  void groupHeldAssignments_inBothPartiesFacts_andMembersAreRoleAssignableGroupMembers() {
    GroupId admins = GroupId.of("admins");
    RoleAssignment viaGroup =
        RoleAssignment.of(
                AssignmentId.of("g1"), admins, BuiltInRole.GLOBAL_ADMINISTRATOR, Scope.tenant())
            .eligible();
    User cat =
        User.builder()
            .id(UserId.of("cat"))
            .userPrincipalName("cat@contoso.example")
            .displayName("cat")
            .group(admins)
            .build();
    Tenant withGroup = tenant.toBuilder().user(cat).assignment(viaGroup).build();

    assertThat(TenantFacts.actor(withGroup, cat.id()).assignments()).containsExactly(viaGroup);
    assertThat(TenantFacts.target(withGroup, cat.id()).assignments()).containsExactly(viaGroup);
    assertThat(TenantFacts.target(withGroup, cat.id()).roleAssignableGroupMember()).isTrue();
    assertThat(withGroup.membersOf(admins)).containsExactly(cat.id());
    assertThat(withGroup.assignmentsHeldBy(admins)).containsExactly(viaGroup);
    assertThat(TenantFacts.target(withGroup, ANN).roleAssignableGroupMember()).isFalse();
  }
}
