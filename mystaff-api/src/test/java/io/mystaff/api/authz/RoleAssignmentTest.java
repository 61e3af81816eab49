package io.mystaff.api.authz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.AssignmentId;
import io.mystaff.api.GroupId;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.RoleId;
import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoleAssignmentTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final RoleAssignment permanent =
      RoleAssignment.of(
          AssignmentId.of("a1"),
          UserId.of("u1"),
          BuiltInRole.HELPDESK_ADMINISTRATOR,
          Scope.tenant());

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

  /**
   * The assignment keeps its scope's unit and its window's bounds in fields of its own (the check
   * reads one object per assignment): on seeded random assignments, {@link RoleAssignment#covers},
   * {@link RoleAssignment#isUnitScoped}, {@link RoleAssignment#isActiveAt} and {@link
   * RoleAssignment#hasEndedAt} agree with the components they summarize, and equality and hash are
   * those of the seven components.
   */
  @Test
  void flattenedFields_agreeWithComponents_onRandomAssignments() {
    long seed = 0x13_0003L;
    java.util.Random random = new java.util.Random(seed);
    RoleId[] roles = {
      BuiltInRole.HELPDESK_ADMINISTRATOR.templateId(),
      BuiltInRole.AUTHENTICATION_ADMINISTRATOR.templateId(),
      RoleId.of("custom-1")
    };
    for (int i = 0; i < 2_000; i++) {
      String why = "seed " + seed + ", case " + i;
      Scope scope =
          random.nextInt(4) == 0
              ? Scope.tenant()
              : Scope.unit(UnitId.of("unit-" + random.nextInt(5)));
      java.util.Optional<Instant> start =
          random.nextBoolean()
              ? java.util.Optional.empty()
              : java.util.Optional.of(T0.plusSeconds(random.nextInt(100)));
      java.util.Optional<Instant> end =
          random.nextBoolean()
              ? java.util.Optional.empty()
              : java.util.Optional.of(start.orElse(T0).plusSeconds(1 + random.nextInt(100)));
      AssignmentKind kind =
          random.nextInt(5) == 0 ? AssignmentKind.ELIGIBLE : AssignmentKind.ACTIVE;
      RoleAssignment a =
          new RoleAssignment(
              AssignmentId.of("a" + random.nextInt(3)),
              UserId.of("u1"),
              roles[random.nextInt(roles.length)],
              scope,
              start,
              end,
              kind);
      // one or two units (scanned by hash) or more (looked up in the set)
      Set<UnitId> units = new java.util.HashSet<>();
      int count = random.nextInt(3) == 0 ? 5 + random.nextInt(4) : 1 + random.nextInt(2);
      while (units.size() < count) {
        units.add(UnitId.of("unit-" + random.nextInt(12)));
      }
      units = Set.copyOf(units);
      Instant now = T0.plusSeconds(random.nextInt(250) - 20);
      assertThat(a.covers(units)).as(why).isEqualTo(scope.covers(units));
      assertThat(a.isUnitScoped()).as(why).isEqualTo(scope instanceof Scope.Unit);
      assertThat(a.scope()).as(why).isEqualTo(scope);
      assertThat(a.start()).as(why).isEqualTo(start);
      assertThat(a.end()).as(why).isEqualTo(end);
      assertThat(a.kind()).as(why).isEqualTo(kind);
      boolean inWindow =
          start.map(s -> !now.isBefore(s)).orElse(true) && end.map(now::isBefore).orElse(true);
      assertThat(a.isActiveAt(now)).as(why).isEqualTo(kind == AssignmentKind.ACTIVE && inWindow);
      assertThat(a.hasEndedAt(now)).as(why).isEqualTo(end.map(e -> !now.isBefore(e)).orElse(false));
      RoleAssignment copy =
          new RoleAssignment(a.id(), a.principal(), a.role(), a.scope(), start, end, kind);
      assertThat(copy).as(why).isEqualTo(a).hasSameHashCodeAs(a);
      assertThat(copy.hashCode())
          .as(why)
          .isEqualTo(
              java.util.Objects.hash(a.id(), a.principal(), a.role(), scope, start, end, kind));
      assertThat(a.toString())
          .as(why)
          .isEqualTo(
              "RoleAssignment[id="
                  + a.id()
                  + ", principal=u1, role="
                  + a.role()
                  + ", scope="
                  + scope
                  + ", start="
                  + start
                  + ", end="
                  + end
                  + ", kind="
                  + kind
                  + "]");
    }
  }

  @Test
  void covers_setHoldingNull_answersAsScopeDoes() {
    RoleAssignment unitScoped =
        RoleAssignment.of(
            AssignmentId.of("a2"),
            UserId.of("u1"),
            BuiltInRole.HELPDESK_ADMINISTRATOR,
            Scope.unit(UnitId.of("store-1")));
    Set<UnitId> withNull = new java.util.HashSet<>(java.util.Arrays.asList(null, UnitId.of("x")));
    assertThat(unitScoped.covers(withNull))
        .isEqualTo(unitScoped.scope().covers(withNull))
        .isFalse();
    withNull.add(UnitId.of("store-1"));
    assertThat(unitScoped.covers(withNull)).isTrue();
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
    assertThatThrownBy(
            () ->
                RoleDefinition.custom(
                    BuiltInRole.GLOBAL_ADMINISTRATOR.templateId(), "Fake GA", Set.of()))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void globalAdminScopedToUnitRejectedAtCreation() {
    UnitId store = UnitId.of("store-1");
    for (BuiltInRole role : BuiltInRole.values()) {
      if (role.isAssignableAtUnitScope()) {
        assertThat(
                RoleAssignment.of(AssignmentId.of("a"), UserId.of("u"), role, Scope.unit(store))
                    .scope())
            .isEqualTo(Scope.unit(store));
      } else {
        assertThatThrownBy(
                () ->
                    RoleAssignment.of(
                        AssignmentId.of("a"), UserId.of("u"), role, Scope.unit(store)))
            .as("%s at unit scope", role)
            .isInstanceOf(InvalidInputException.class)
            .hasMessageContaining("administrative-unit scope")
            .hasMessageNotContaining(role.templateId().value());
        assertThat(
                RoleAssignment.of(AssignmentId.of("a"), UserId.of("u"), role, Scope.tenant())
                    .role())
            .isEqualTo(role.templateId());
      }
    }
  }

  @Test
  void groupPrincipal_heldThroughGroup() {
    RoleAssignment viaGroup =
        RoleAssignment.of(
            AssignmentId.of("g1"),
            GroupId.of("helpdesk-team"),
            BuiltInRole.HELPDESK_ADMINISTRATOR,
            Scope.tenant());
    assertThat(viaGroup.isHeldThroughGroup()).isTrue();
    assertThat(permanent.isHeldThroughGroup()).isFalse();
    assertThat(viaGroup.principal()).isNotEqualTo(UserId.of("helpdesk-team"));
  }

  @Test
  void eligible_neverActive_butInForceUntilItsEnd() {
    RoleAssignment eligible = permanent.during(T0, T0.plusSeconds(60)).eligible();
    assertThat(eligible.isEligible()).isTrue();
    assertThat(eligible.kind()).isEqualTo(AssignmentKind.ELIGIBLE);
    assertThat(eligible.start()).contains(T0);
    assertThat(eligible.isActiveAt(T0)).isFalse();
    assertThat(eligible.hasEndedAt(T0.plusSeconds(59))).isFalse();
    assertThat(eligible.hasEndedAt(T0.plusSeconds(60))).isTrue();
    assertThat(eligible.during(T0, T0.plusSeconds(5)).isEligible())
        .as("during keeps the kind")
        .isTrue();
    assertThat(permanent.kind()).isEqualTo(AssignmentKind.ACTIVE);
    assertThat(permanent.isEligible()).isFalse();
    assertThat(permanent.hasEndedAt(Instant.MAX)).isFalse();
  }

  @Test
  void hasEndedAt_scheduledNotYetStarted_notEnded() {
    RoleAssignment scheduled = permanent.during(T0, T0.plusSeconds(60));
    assertThat(scheduled.isActiveAt(T0.minusSeconds(1))).isFalse();
    assertThat(scheduled.hasEndedAt(T0.minusSeconds(1))).isFalse();
  }

  @Test
  void customRole_assignableAtUnitScope_iffUserGroupOrDevicePermission() {
    assertThat(
            RoleDefinition.custom(
                    RoleId.of("c1"), "C", Set.of("microsoft.directory/users/password/update"))
                .isAssignableAtUnitScope())
        .isTrue();
    assertThat(
            RoleDefinition.custom(
                    RoleId.of("c2"), "C", Set.of("microsoft.directory/groups/members/update"))
                .isAssignableAtUnitScope())
        .isTrue();
    assertThat(
            RoleDefinition.custom(
                    RoleId.of("c3"), "C", Set.of("microsoft.directory/devices/delete"))
                .isAssignableAtUnitScope())
        .isTrue();
    assertThat(
            RoleDefinition.custom(
                    RoleId.of("c4"), "C", Set.of("microsoft.directory/applications/create"))
                .isAssignableAtUnitScope())
        .isFalse();
    assertThat(RoleDefinition.custom(RoleId.of("c5"), "C", Set.of()).isAssignableAtUnitScope())
        .isFalse();
    assertThat(RoleDefinition.of(BuiltInRole.GLOBAL_ADMINISTRATOR).isAssignableAtUnitScope())
        .isFalse();
    assertThat(RoleDefinition.of(BuiltInRole.GROUPS_ADMINISTRATOR).isAssignableAtUnitScope())
        .isTrue();
  }
}
