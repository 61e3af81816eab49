package io.mystaff.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.api.AssignmentId;
import io.mystaff.api.GroupId;
import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import io.mystaff.api.authz.BuiltInRole;
import io.mystaff.api.authz.DenyReason;
import io.mystaff.api.authz.RoleAssignment;
import io.mystaff.api.authz.Scope;
import io.mystaff.api.directory.User;
import io.mystaff.core.access.FeatureAvailability;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AvailabilityAdminsTest {
  private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
  private static final UserId PAM = UserId.of("pam");
  private static final User USER =
      User.builder().id(PAM).userPrincipalName("pam@contoso.example").displayName("Pam").build();

  private static RoleAssignment assignment(BuiltInRole role, Scope scope) {
    return RoleAssignment.of(AssignmentId.of("a-" + role.name()), PAM, role, scope);
  }

  @Test
  void tenantWideUserPrivilegedRoleOrGlobalAdministrator_allowed() {
    for (BuiltInRole role : AvailabilityAdmins.ROLES) {
      assertThat(
              AvailabilityAdmins.check(
                  Optional.of(USER), List.of(assignment(role, Scope.tenant())), NOW))
          .as("%s", role)
          .isEmpty();
    }
    assertThat(AvailabilityAdmins.ROLES)
        .containsExactlyInAnyOrder(
            BuiltInRole.USER_ADMINISTRATOR,
            BuiltInRole.PRIVILEGED_ROLE_ADMINISTRATOR,
            BuiltInRole.GLOBAL_ADMINISTRATOR);
  }

  @Test
  void otherRolesUnitScopesInactiveAssignmentsOrAccounts_denied() {
    assertThat(
            AvailabilityAdmins.check(
                Optional.of(USER),
                List.of(
                    assignment(BuiltInRole.AUTHENTICATION_ADMINISTRATOR, Scope.tenant()),
                    assignment(BuiltInRole.USER_ADMINISTRATOR, Scope.unit(UnitId.of("north")))),
                NOW))
        .contains(DenyReason.ROLE_LACKS_PERMISSION);
    assertThat(
            AvailabilityAdmins.check(
                Optional.of(USER),
                List.of(
                    assignment(BuiltInRole.GLOBAL_ADMINISTRATOR, Scope.tenant())
                        .during(NOW.minusSeconds(60), NOW)),
                NOW))
        .as("ended at now")
        .contains(DenyReason.NO_ACTIVE_ROLE);
    assertThat(AvailabilityAdmins.check(Optional.of(USER), List.of(), NOW))
        .contains(DenyReason.NO_ACTIVE_ROLE);
    assertThat(
            AvailabilityAdmins.check(
                Optional.empty(),
                List.of(assignment(BuiltInRole.GLOBAL_ADMINISTRATOR, Scope.tenant())),
                NOW))
        .contains(DenyReason.NO_ACTIVE_ROLE);
    assertThat(
            AvailabilityAdmins.check(
                Optional.of(USER.toBuilder().accountEnabled(false).build()),
                List.of(assignment(BuiltInRole.GLOBAL_ADMINISTRATOR, Scope.tenant())),
                NOW))
        .contains(DenyReason.NO_ACTIVE_ROLE);
  }

  @Test
  void describe_auditValues() {
    assertThat(AvailabilityAdmins.describe(FeatureAvailability.all())).isEqualTo("All");
    assertThat(AvailabilityAdmins.describe(FeatureAvailability.none())).isEqualTo("None");
    assertThat(
            AvailabilityAdmins.describe(
                FeatureAvailability.selected(Set.of(UserId.of("b"), UserId.of("a")), Set.of())))
        .isEqualTo("Selected users=[a, b] groups=[]");
    assertThat(
            AvailabilityAdmins.describe(
                FeatureAvailability.selected(Set.of(), Set.of(GroupId.of("g")))))
        .isEqualTo("Selected users=[] groups=[g]");
  }
}
