package io.mystaff.tests.authz;

import static io.mystaff.tests.authz.ReferenceCheck.ENGINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.AssignmentId;
import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import io.mystaff.api.authz.ActorFacts;
import io.mystaff.api.authz.BuiltInRole;
import io.mystaff.api.authz.Decision;
import io.mystaff.api.authz.DenyReason;
import io.mystaff.api.authz.RoleAssignment;
import io.mystaff.api.authz.RoleCatalog;
import io.mystaff.api.authz.Scope;
import io.mystaff.api.authz.StaffAction;
import io.mystaff.api.authz.TargetFacts;
import io.mystaff.testkit.random.AuthorizationQuery;
import io.mystaff.testkit.random.Property;
import io.mystaff.testkit.random.PropertyFailure;
import io.mystaff.testkit.random.RandomTenants;
import io.mystaff.testkit.random.Seeds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Laws of the engine that hold whatever Entra's tables say: monotonicity in the actor's assignments
 * and in the target's ordinary memberships, scope containment, time, and the agreement of {@code
 * allowedActions} with {@code decide}. Every failure reports its seed.
 */
class AuthorizationLawsTest {
  private static final RandomTenants TENANTS =
      RandomTenants.small().includingUnassignableUnitScopes();
  private static final Function<Random, World> WORLDS = World.generator(TENANTS, 30);
  private static final int WORLDS_PER_LAW = 1_200;

  /** A world with one random change per question, drawn by the generator so cases replay. */
  private record Changed<T>(World world, List<T> changes) {
    @Override
    public String toString() {
      return world + " with changes " + changes;
    }
  }

  private static <T> Function<Random, Changed<T>> withChanges(
      Function<Random, World> worlds, ChangeGenerator<T> change) {
    return r -> {
      World w = worlds.apply(r);
      List<T> changes = new ArrayList<>();
      for (AuthorizationQuery q : w.queries()) {
        changes.add(change.make(r, w, q));
      }
      return new Changed<>(w, changes);
    };
  }

  @FunctionalInterface
  private interface ChangeGenerator<T> {
    T make(Random r, World world, AuthorizationQuery q);
  }

  /** An assignment added to the actor's list at a position. */
  private record Addition(RoleAssignment assignment, int position) {}

  /** (a) Adding an assignment to the actor, anywhere in its list, never removes a permission. */
  @Test
  void decide_assignmentAddedToActor_neverLosesPermit() {
    Function<Random, Changed<Addition>> cases =
        withChanges(
            WORLDS,
            (r, w, q) ->
                new Addition(
                    TENANTS.assignment(r, w.tenant(), "added", q.actor()),
                    r.nextInt(w.tenant().assignmentsOf(q.actor()).size() + 1)));
    Property.forAll(
        Seeds.forTest("law_a"),
        WORLDS_PER_LAW,
        cases,
        c -> {
          for (int i = 0; i < c.world().queries().size(); i++) {
            AuthorizationQuery q = c.world().queries().get(i);
            Addition add = c.changes().get(i);
            ActorFacts before = c.world().actor(q);
            List<RoleAssignment> more = new ArrayList<>(before.assignments());
            more.add(add.position(), add.assignment());
            ActorFacts after = new ActorFacts(before.id(), more);
            TargetFacts target = c.world().target(q);
            if (ENGINE.decide(before, q.action(), target, c.world().roles(), q.now()).isPermit()) {
              assertThat(
                      ENGINE
                          .decide(after, q.action(), target, c.world().roles(), q.now())
                          .isPermit())
                  .as("%s after adding %s at %d", q, add.assignment(), add.position())
                  .isTrue();
            }
          }
        });
  }

  /**
   * (b) Removing one of the target's memberships of a unit that is not restricted never adds a
   * permission: for targets T and T' where T' is T less membership of a unit u not in T's
   * restricted units, every permit on T' is a permit on T. (Fewer units can only take the target
   * out of scopes; restriction and protection do not depend on ordinary units.)
   */
  @Test
  void decide_targetLeavesUnrestrictedUnit_neverGainsPermit() {
    Property.forAll(
        Seeds.forTest("law_b"),
        WORLDS_PER_LAW,
        withChanges(WORLDS, AuthorizationLawsTest::leaveAnyUnit),
        c -> assertLeavingNeverGains(c, true));
  }

  /**
   * Why (b) names ordinary units: leaving a restricted-management unit frees the target from the
   * restriction, so a tenant-scoped administrator who was refused may now act.
   */
  @Test
  void decide_targetLeavesRestrictedUnit_canGainPermit() {
    UserId admin = UserId.of("admin");
    UserId ceo = UserId.of("ceo");
    UnitId executives = UnitId.of("executives");
    Instant now = RandomTenants.EPOCH;
    ActorFacts helpdesk =
        new ActorFacts(
            admin,
            List.of(
                RoleAssignment.of(
                    AssignmentId.of("a1"),
                    admin,
                    BuiltInRole.HELPDESK_ADMINISTRATOR,
                    Scope.tenant())));
    TargetFacts inside =
        new TargetFacts(ceo, Set.of(executives), Set.of(executives), List.of(), false);
    TargetFacts left = new TargetFacts(ceo, Set.of(), Set.of(), List.of(), false);

    Decision before =
        ENGINE.decide(helpdesk, StaffAction.RESET_PASSWORD, inside, RoleCatalog.builtIns(), now);
    Decision after =
        ENGINE.decide(helpdesk, StaffAction.RESET_PASSWORD, left, RoleCatalog.builtIns(), now);

    assertThat(before.denyReason()).contains(DenyReason.RESTRICTED_MANAGEMENT_UNIT);
    assertThat(after.isPermit()).isTrue();
  }

  /** The generator finds such counterexamples too, so (b) without its qualification is false. */
  @Test
  void decide_targetLeavesAnyUnit_unqualifiedLawHasCounterexample() {
    long seed = Seeds.forTest("law_b_unqualified");
    assertThatThrownBy(
            () ->
                Property.forAll(
                    seed,
                    WORLDS_PER_LAW,
                    withChanges(WORLDS, AuthorizationLawsTest::leaveAnyUnit),
                    c -> assertLeavingNeverGains(c, false)))
        .isInstanceOf(PropertyFailure.class)
        .hasMessageContaining("seed " + seed)
        .hasMessageContaining("after leaving");
  }

  private static UnitId leaveAnyUnit(Random r, World w, AuthorizationQuery q) {
    List<UnitId> units = new ArrayList<>(w.target(q).units());
    return units.isEmpty() ? null : units.get(r.nextInt(units.size()));
  }

  private static void assertLeavingNeverGains(Changed<UnitId> c, boolean onlyUnrestricted) {
    for (int i = 0; i < c.world().queries().size(); i++) {
      AuthorizationQuery q = c.world().queries().get(i);
      UnitId left = c.changes().get(i);
      TargetFacts before = c.world().target(q);
      if (left == null || (onlyUnrestricted && before.restrictedUnits().contains(left))) {
        continue;
      }
      Set<UnitId> fewer = new LinkedHashSet<>(before.units());
      fewer.remove(left);
      TargetFacts after =
          new TargetFacts(
              before.id(),
              fewer,
              before.restrictedUnits(),
              before.assignments(),
              before.roleAssignableGroupMember(),
              before.guest());
      ActorFacts actor = c.world().actor(q);
      if (ENGINE.decide(actor, q.action(), after, c.world().roles(), q.now()).isPermit()) {
        assertThat(ENGINE.decide(actor, q.action(), before, c.world().roles(), q.now()).isPermit())
            .as("%s after leaving %s", q, left)
            .isTrue();
      }
    }
  }

  /**
   * (c) A permitted change is within the scope of an active, granting assignment of the actor: the
   * permit's own assignment, and so some scope {@code scopesFor} reports, covers the target.
   */
  @Test
  void decide_permittedChange_withinScopeOfActiveGrantingAssignment() {
    Property.forAll(
        Seeds.forTest("law_c"),
        WORLDS_PER_LAW,
        WORLDS,
        world ->
            eachQuery(
                world,
                q -> {
                  ActorFacts actor = world.actor(q);
                  TargetFacts target = world.target(q);
                  Decision d = ENGINE.decide(actor, q.action(), target, world.roles(), q.now());
                  if (!q.action().isChange() || !d.isPermit()) {
                    return;
                  }
                  RoleAssignment grant = ((Decision.Permit) d).grantedBy();
                  Set<Scope> granting = ENGINE.scopesFor(actor, q.action(), world.roles(), q.now());
                  assertThat(actor.assignments()).as("%s granted by", q).contains(grant);
                  assertThat(grant.isActiveAt(q.now()))
                      .as("%s granted by %s, active", q, grant)
                      .isTrue();
                  assertThat(grant.scope().covers(target.units()))
                      .as("%s granted by %s, covering", q, grant)
                      .isTrue();
                  assertThat(granting).as("%s scopes for", q).contains(grant.scope());
                  assertThat(granting.stream().anyMatch(s -> s.covers(target.units())))
                      .as("%s: some granting scope in %s covers %s", q, granting, target.units())
                      .isTrue();
                }));
  }

  /**
   * (d) An assignment outside its window grants nothing: with every window of the actor moved so
   * that {@code now} lies before all of them or after all of them, every action is denied, as
   * {@code NO_ACTIVE_ROLE} (or {@code SELF_ACTION} for changes on oneself).
   */
  @Test
  void decide_nowOutsideEveryActorWindow_deniesEverything() {
    Function<Random, Changed<Boolean>> cases = withChanges(WORLDS, (r, w, q) -> r.nextBoolean());
    Property.forAll(
        Seeds.forTest("law_d"),
        WORLDS_PER_LAW,
        cases,
        c -> {
          for (int i = 0; i < c.world().queries().size(); i++) {
            AuthorizationQuery q = c.world().queries().get(i);
            boolean before = c.changes().get(i);
            Instant now =
                before
                    ? RandomTenants.EPOCH.minusNanos(1)
                    : RandomTenants.EPOCH.plus(Duration.ofDays(365));
            ActorFacts actor = c.world().actor(q);
            List<RoleAssignment> moved = new ArrayList<>();
            for (RoleAssignment a : actor.assignments()) {
              Instant start = a.start().orElse(RandomTenants.EPOCH);
              Instant end = a.end().orElse(now);
              moved.add(
                  before
                      ? new RoleAssignment(
                          a.id(),
                          a.principal(),
                          a.role(),
                          a.scope(),
                          Optional.of(start),
                          a.end(),
                          a.kind())
                      : new RoleAssignment(
                          a.id(),
                          a.principal(),
                          a.role(),
                          a.scope(),
                          a.start(),
                          Optional.of(end),
                          a.kind()));
            }
            ActorFacts outside = new ActorFacts(actor.id(), moved);
            TargetFacts target = c.world().target(q);
            for (StaffAction action : StaffAction.values()) {
              DenyReason expected =
                  action.isChange() && q.actor().equals(q.target())
                      ? DenyReason.SELF_ACTION
                      : DenyReason.NO_ACTIVE_ROLE;
              assertThat(
                      ENGINE.decide(outside, action, target, c.world().roles(), now).denyReason())
                  .as("%s by %s at %s", action, moved, now)
                  .contains(expected);
            }
            assertThat(ENGINE.allowedActions(outside, target, c.world().roles(), now)).isEmpty();
            assertThat(ENGINE.holdsActiveRole(outside, now)).isFalse();
          }
        });
  }

  /**
   * (d, both parties) What cannot act is inert: dropping every assignment of the actor that is not
   * active at {@code now} (expired, scheduled or eligible) and every assignment of the target that
   * has ended by {@code now} leaves the decision exactly as it was.
   */
  @Test
  void decide_inactiveAssignmentsDropped_sameDecision() {
    Property.forAll(
        Seeds.forTest("law_d_inert"),
        WORLDS_PER_LAW,
        WORLDS,
        world ->
            eachQuery(
                world,
                q -> {
                  ActorFacts actor = world.actor(q);
                  TargetFacts target = world.target(q);
                  ActorFacts activeActor =
                      new ActorFacts(actor.id(), activeOnly(actor.assignments(), q.now()));
                  List<RoleAssignment> inForce = new ArrayList<>(target.assignments());
                  inForce.removeIf(a -> a.hasEndedAt(q.now()));
                  TargetFacts activeTarget =
                      new TargetFacts(
                          target.id(),
                          target.units(),
                          target.restrictedUnits(),
                          inForce,
                          target.roleAssignableGroupMember(),
                          target.guest(),
                          target.undecidedRestrictedUnits());
                  assertThat(
                          ENGINE.decide(
                              activeActor, q.action(), activeTarget, world.roles(), q.now()))
                      .as("%s without inactive assignments", q)
                      .isEqualTo(ENGINE.decide(actor, q.action(), target, world.roles(), q.now()));
                }));
  }

  /**
   * (f) Protection cannot be pre-staged: giving the target an extra assignment, of any role, scope
   * and kind, that has not ended at {@code now} (scheduled and eligible ones included) never turns
   * a deny into a permit; one that has ended changes nothing.
   */
  @Test
  void decide_assignmentAddedToTarget_neverGainsPermit() {
    Function<Random, Changed<RoleAssignment>> cases =
        withChanges(WORLDS, (r, w, q) -> TENANTS.assignment(r, w.tenant(), "added", q.target()));
    Property.forAll(
        Seeds.forTest("law_f"),
        WORLDS_PER_LAW,
        cases,
        c -> {
          for (int i = 0; i < c.world().queries().size(); i++) {
            AuthorizationQuery q = c.world().queries().get(i);
            RoleAssignment added = c.changes().get(i);
            TargetFacts before = c.world().target(q);
            List<RoleAssignment> more = new ArrayList<>(before.assignments());
            more.add(added);
            TargetFacts after =
                new TargetFacts(
                    before.id(),
                    before.units(),
                    before.restrictedUnits(),
                    more,
                    before.roleAssignableGroupMember(),
                    before.guest(),
                    before.undecidedRestrictedUnits());
            ActorFacts actor = c.world().actor(q);
            Decision was = ENGINE.decide(actor, q.action(), before, c.world().roles(), q.now());
            Decision now = ENGINE.decide(actor, q.action(), after, c.world().roles(), q.now());
            if (added.hasEndedAt(q.now())) {
              assertThat(now)
                  .as("%s after the target gained the ended %s", q, added)
                  .isEqualTo(was);
            } else if (now.isPermit()) {
              assertThat(was.isPermit()).as("%s after the target gained %s", q, added).isTrue();
            }
          }
        });
  }

  /** (e) {@code allowedActions} is exactly the set of actions {@code decide} permits. */
  @Test
  void allowedActions_anyQuery_equalsActionsDecidePermits() {
    Property.forAll(
        Seeds.forTest("law_e"),
        WORLDS_PER_LAW,
        WORLDS,
        world ->
            eachQuery(
                world,
                q -> {
                  ActorFacts actor = world.actor(q);
                  TargetFacts target = world.target(q);
                  Set<StaffAction> permitted = EnumSet.noneOf(StaffAction.class);
                  for (StaffAction action : StaffAction.values()) {
                    if (ENGINE.decide(actor, action, target, world.roles(), q.now()).isPermit()) {
                      permitted.add(action);
                    }
                  }
                  assertThat(ENGINE.allowedActions(actor, target, world.roles(), q.now()))
                      .as("allowed actions of %s on %s at %s", q.actor(), q.target(), q.now())
                      .isEqualTo(permitted);
                }));
  }

  private static List<RoleAssignment> activeOnly(List<RoleAssignment> assignments, Instant now) {
    List<RoleAssignment> active = new ArrayList<>();
    for (RoleAssignment a : assignments) {
      if (a.isActiveAt(now)) {
        active.add(a);
      }
    }
    return active;
  }

  private static void eachQuery(World world, Consumer<AuthorizationQuery> check) {
    world.queries().forEach(check);
  }
}
