package io.mystaff.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.api.AssignmentId;
import io.mystaff.api.GroupId;
import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import io.mystaff.api.authz.BuiltInRole;
import io.mystaff.api.authz.RoleAssignment;
import io.mystaff.api.authz.Scope;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.api.directory.User;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The directory stores a role assignment as an equal one holding its own instances of the user's id
 * and the unit's scope (memory: a tenant's assignments repeat ids the directory holds anyway).
 */
class AssignmentsShareIdsTest {
  // new String: equal ids, never the same instances as the directory's
  private static UserId userId(String id) {
    return UserId.of(new String(id));
  }

  private static UnitId unitId(String id) {
    return UnitId.of(new String(id));
  }

  @Test
  void assignments_storedEqual_holdingTheDirectorysIdsAndScopes() {
    RoleAssignment direct =
        new RoleAssignment(
            AssignmentId.of("a1"),
            userId("ann"),
            BuiltInRole.HELPDESK_ADMINISTRATOR.templateId(),
            Scope.unit(unitId("north")),
            Optional.of(Instant.parse("2026-01-01T00:00:00Z")),
            Optional.of(Instant.parse("2027-01-01T00:00:00Z")),
            io.mystaff.api.authz.AssignmentKind.ELIGIBLE);
    RoleAssignment tenantWide =
        RoleAssignment.of(
            AssignmentId.of("a2"),
            userId("ann"),
            BuiltInRole.PASSWORD_ADMINISTRATOR,
            Scope.tenant());
    RoleAssignment viaGroup =
        RoleAssignment.of(
            AssignmentId.of("a3"),
            GroupId.of("helpdesk"),
            BuiltInRole.HELPDESK_ADMINISTRATOR,
            Scope.unit(unitId("north")));
    InMemoryDirectory d =
        InMemoryDirectory.builder()
            .unit(AdministrativeUnit.assigned(UnitId.of("north"), "North"))
            .user(
                User.builder()
                    .id(UserId.of("ann"))
                    .displayName("Ann")
                    .userPrincipalName("ann@contoso.com")
                    .groups(java.util.Set.of(GroupId.of("helpdesk")))
                    .build())
            .assignment(direct)
            .assignment(tenantWide)
            .build();
    d.addAssignment(viaGroup);

    List<RoleAssignment> stored = d.assignmentsOf(UserId.of("ann"));
    assertThat(stored).containsExactly(direct, tenantWide, viaGroup);
    UserId annsId = d.findUser(UserId.of("ann")).orElseThrow().id();
    UnitId northsId = d.findUnit(UnitId.of("north")).orElseThrow().id();
    assertThat(stored.get(0).principal()).isSameAs(annsId);
    assertThat(((Scope.Unit) stored.get(0).scope()).unit()).isSameAs(northsId);
    assertThat(stored.get(1).principal()).isSameAs(annsId);
    assertThat(stored.get(1).scope()).isEqualTo(Scope.tenant());
    // a group is no user of the directory: its id stays as given; the unit's scope is shared
    assertThat(stored.get(2).principal()).isSameAs(viaGroup.principal());
    assertThat(stored.get(2).scope()).isSameAs(stored.get(0).scope());
    assertThat(stored.get(0).isEligible()).isTrue();
    assertThat(stored.get(0).start()).isEqualTo(direct.start());
    assertThat(stored.get(0).end()).isEqualTo(direct.end());
  }
}
