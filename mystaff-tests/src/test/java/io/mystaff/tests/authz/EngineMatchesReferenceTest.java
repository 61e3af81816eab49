package io.mystaff.tests.authz;

import static io.mystaff.tests.authz.ReferenceCheck.ENGINE;
import static io.mystaff.tests.authz.ReferenceCheck.REFERENCE;
import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.api.authz.Decision;
import io.mystaff.api.authz.DenyReason;
import io.mystaff.api.authz.StaffAction;
import io.mystaff.testkit.random.AuthorizationQuery;
import io.mystaff.testkit.random.Property;
import io.mystaff.testkit.random.RandomTenants;
import io.mystaff.testkit.random.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The engine and the reference model give identical decisions (permit or deny, the granting
 * assignment, the deny reason) on thousands of random tenants. Replay a failure with the seed its
 * message reports: {@code -Dmystaff.seed=...}.
 */
class EngineMatchesReferenceTest {

  @Test
  void decide_smallRandomTenants_sameDecisionAsReference() {
    Property.forAll(
        Seeds.forTest("decide_small"),
        2_500,
        World.generator(RandomTenants.small().includingUnassignableUnitScopes(), 40),
        world -> ReferenceCheck.assertAgrees(ENGINE::decide, world));
  }

  @Test
  void decide_largerRandomTenants_sameDecisionAsReference() {
    Property.forAll(
        Seeds.forTest("decide_larger"),
        400,
        World.generator(RandomTenants.of(24, 8, 60).includingUnassignableUnitScopes(), 60),
        world -> ReferenceCheck.assertAgrees(ENGINE::decide, world));
  }

  /**
   * Undecided dynamic rules: some restricted units the target is not a member of are undecided for
   * the target. The engine must treat the target as restricted without letting those units' scopes
   * reach it, exactly as the reference model restates it.
   */
  @Test
  void decide_undecidedRestrictedUnits_sameDecisionAsReference() {
    int[] restrictedOnlyByUndecided = new int[1];
    Property.forAll(
        Seeds.forTest("decide_undecided"),
        1_500,
        World.generator(RandomTenants.small(), 40),
        world -> {
          Random r = new Random(world.queries().hashCode());
          for (AuthorizationQuery q : world.queries()) {
            java.util.Set<io.mystaff.api.UnitId> undecided = new java.util.LinkedHashSet<>();
            for (io.mystaff.api.directory.AdministrativeUnit u : world.tenant().units()) {
              if (!world.tenant().assignedMembersOf(u.id()).contains(q.target())
                  && r.nextInt(3) == 0) {
                undecided.add(u.id());
              }
            }
            io.mystaff.api.authz.TargetFacts target =
                io.mystaff.testkit.random.TenantFacts.target(world.tenant(), q.target(), undecided);
            if (!target.undecidedRestrictedUnits().isEmpty()
                && target.restrictedUnits().stream().noneMatch(target.units()::contains)) {
              restrictedOnlyByUndecided[0]++;
            }
            Decision expected =
                REFERENCE.decide(
                    world.tenant(), q.actor(), q.action(), q.target(), q.now(), undecided);
            Decision actual =
                ENGINE.decide(world.actor(q), q.action(), target, world.roles(), q.now());
            assertThat(actual)
                .as("decision on %s with %s undecided", q, undecided)
                .isEqualTo(expected);
          }
        });
    assertThat(restrictedOnlyByUndecided[0])
        .as("targets restricted only by an undecided rule")
        .isGreaterThan(1_000);
  }

  /** Guards against a vacuous comparison: the generated questions reach every outcome, often. */
  @Test
  void decide_randomTenants_reachEveryOutcome() {
    long seed = Seeds.forTest("outcomes");
    Map<String, Integer> outcomes = new TreeMap<>();
    Random r = Seeds.random(seed);
    Function<Random, World> worlds =
        World.generator(RandomTenants.small().includingUnassignableUnitScopes(), 40);
    // Five actions share the questions: 900 worlds keep every outcome above 100 occurrences.
    for (int i = 0; i < 900; i++) {
      World world = worlds.apply(r);
      for (AuthorizationQuery q : world.queries()) {
        Decision d =
            ENGINE.decide(world.actor(q), q.action(), world.target(q), world.roles(), q.now());
        String outcome = d.action() + " " + d.denyReason().map(Enum::name).orElse("PERMIT");
        outcomes.merge(outcome, 1, Integer::sum);
      }
    }
    List<String> expected = new ArrayList<>();
    for (StaffAction a : StaffAction.values()) {
      expected.add(a + " PERMIT");
      for (DenyReason reason : DenyReason.values()) {
        // The workflow's rate limit and its capability check come before or after the engine.
        if (a.isChange()
            && reason != DenyReason.RATE_LIMITED // the workflow's rate limit, not the engine's
            && reason != DenyReason.SELF_APPROVAL // the approval workflow's, not the engine's
            && reason != DenyReason.ACTION_NOT_SUPPORTED
            && reason != DenyReason.ACCOUNT_NOT_SYNCED) {
          expected.add(a + " " + reason);
        }
      }
    }
    expected.add(StaffAction.VIEW_PROFILE + " " + DenyReason.NO_ACTIVE_ROLE);
    for (String outcome : expected) {
      assertThat(outcomes.getOrDefault(outcome, 0))
          .as("occurrences of %s in 36,000 questions (seed %s): %s", outcome, seed, outcomes)
          .isGreaterThanOrEqualTo(100);
    }
  }

  @Test
  void allowedActions_randomTenants_sameSetAsReference() {
    Property.forAll(
        Seeds.forTest("allowedActions"),
        1_000,
        World.generator(RandomTenants.small().includingUnassignableUnitScopes(), 20),
        world -> {
          for (AuthorizationQuery q : world.queries()) {
            assertThat(
                    ENGINE.allowedActions(world.actor(q), world.target(q), world.roles(), q.now()))
                .as("allowed actions of %s on %s at %s", q.actor(), q.target(), q.now())
                .isEqualTo(
                    REFERENCE.allowedActions(world.tenant(), q.actor(), q.target(), q.now()));
          }
        });
  }
}
