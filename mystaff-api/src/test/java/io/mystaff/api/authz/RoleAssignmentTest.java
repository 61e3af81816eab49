package io.mystaff.api.authz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.AssignmentId;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoleAssignmentTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final RoleAssignment permanent = RoleAssignment.of(
      AssignmentId.of("a1"), UserId.of("u1"), BuiltInRole.HELPDESK_ADMINISTRATOR, Scope.tenant());

  @Test
  void isActiveAt_permanent_alwaysActive() {
    assertThat(permanent.isActiveAt(Instant.MIN)).isTrue();
    assertThat(permanent.isActiveAt(Instant.MAX)).isTrue();
  }

  @Test
  void isActiveAt_bounded_startInclusiveEndExclusive() {
    RoleAssignment bounded = permanent.during(T0, T0.plusSeconds(60));
    assertThat(bounded.isActiveAt(T0.minusNanos(1))).isFalse();
    assertThat(bounded.isActiveAt(T0)).isTrue();
    assertThat(bounded.isActiveAt(T0.plusSeconds(59))).isTrue();
    assertThat(bounded.isActiveAt(T0.plusSeconds(60))).isFalse();
  }

  @Test
  void during_endNotAfterStart_rejected() {
    assertThatThrownBy(() -> permanent.during(T0, T0)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void scope_covers_unitOnlyItsMembers() {
    Scope unit = Scope.unit(UnitId.of("store-1"));
    assertThat(unit.covers(Set.of(UnitId.of("store-1"), UnitId.of("x")))).isTrue();
    assertThat(unit.covers(Set.of(UnitId.of("store-2")))).isFalse();
    assertThat(Scope.tenant().covers(Set.of())).isTrue();
  }

  @Test
  void scope_parse_roundTripsDirectoryScopeId() {
    Scope unit = Scope.unit(UnitId.of("store-1"));
    assertThat(Scope.parse(unit.directoryScopeId())).isEqualTo(unit);
    assertThat(Scope.parse("/")).isSameAs(Scope.tenant());
    assertThatThrownBy(() -> Scope.parse("/groups/x")).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void builtInRole_templateIds_unique_andResolvable() {
    for (BuiltInRole r : BuiltInRole.values()) {
      assertThat(BuiltInRole.byTemplateId(r.templateId())).contains(r);
    }
    assertThat(RoleCatalog.builtIns().all()).hasSize(BuiltInRole.values().length);
  }

  @Test
  void customRole_reusingBuiltInTemplateId_rejected() {
    assertThatThrownBy(() -> RoleDefinition.custom(
            BuiltInRole.GLOBAL_ADMINISTRATOR.templateId(), "Fake GA", Set.of()))
        .isInstanceOf(InvalidInputException.class);
  }
}
