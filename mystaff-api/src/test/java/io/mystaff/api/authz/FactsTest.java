package io.mystaff.api.authz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.AssignmentId;
import io.mystaff.api.GroupId;
import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The facts hold copies of the assignments they are made with: equal, in order, immutable. */
class FactsTest {
  private static final UserId MANAGER = UserId.of("manager");
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private final List<RoleAssignment> assignments =
      List.of(
          RoleAssignment.of(
              AssignmentId.of("a1"),
              MANAGER,
              BuiltInRole.HELPDESK_ADMINISTRATOR,
              Scope.unit(UnitId.of("store-1"))),
          RoleAssignment.of(
                  AssignmentId.of("a2"),
                  GroupId.of("g1"),
                  BuiltInRole.PASSWORD_ADMINISTRATOR,
                  Scope.tenant())
              .during(T0, T0.plusSeconds(60)),
          RoleAssignment.of(
                  AssignmentId.of("a3"),
                  MANAGER,
                  BuiltInRole.AUTHENTICATION_ADMINISTRATOR,
                  Scope.unit(UnitId.of("store-2")))
              .eligible());

  @Test
  void actorFacts_holdEqualCopiesInOrder_immutable() {
    List<RoleAssignment> given = new ArrayList<>(assignments);
    ActorFacts facts = new ActorFacts(MANAGER, given);
    given.clear();
    assertThat(facts.assignments()).isEqualTo(assignments);
    for (int i = 0; i < assignments.size(); i++) {
      RoleAssignment copy = facts.assignments().get(i);
      assertThat(copy).isNotSameAs(assignments.get(i)).isEqualTo(assignments.get(i));
      assertThat(copy)
          .hasSameHashCodeAs(assignments.get(i))
          .hasToString(assignments.get(i).toString());
      assertThat(copy.covers(Set.of(UnitId.of("store-1"))))
          .isEqualTo(assignments.get(i).covers(Set.of(UnitId.of("store-1"))));
      assertThat(copy.isActiveAt(T0)).isEqualTo(assignments.get(i).isActiveAt(T0));
    }
    assertThat(facts).isEqualTo(new ActorFacts(MANAGER, assignments));
    assertThatThrownBy(() -> facts.assignments().add(assignments.get(0)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void targetFacts_holdEqualCopies() {
    UserId target = UserId.of("target");
    RoleAssignment held =
        RoleAssignment.of(
            AssignmentId.of("t1"), target, BuiltInRole.HELPDESK_ADMINISTRATOR, Scope.tenant());
    TargetFacts facts =
        new TargetFacts(target, Set.of(UnitId.of("store-1")), Set.of(), List.of(held), false);
    assertThat(facts.assignments()).containsExactly(held);
    assertThat(facts.assignments().get(0)).isNotSameAs(held);
    assertThat(TargetFacts.member(target, Set.of()).assignments()).isEmpty();
  }

  @Test
  void nullAssignment_rejected() {
    assertThatThrownBy(() -> new ActorFacts(MANAGER, Arrays.asList(assignments.get(0), null)))
        .isInstanceOf(NullPointerException.class);
  }
}
