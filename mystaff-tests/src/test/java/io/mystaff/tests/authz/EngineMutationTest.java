package io.mystaff.tests.authz;

import static io.mystaff.tests.authz.ReferenceCheck.ENGINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.authz.ActorFacts;
import io.mystaff.api.authz.Decision;
import io.mystaff.api.authz.DenyReason;
import io.mystaff.api.authz.RoleAssignment;
import io.mystaff.api.authz.RoleCatalog;
import io.mystaff.api.authz.Scope;
import io.mystaff.api.authz.StaffAction;
import io.mystaff.api.authz.TargetFacts;
import io.mystaff.testkit.random.Property;
import io.mystaff.testkit.random.PropertyFailure;
import io.mystaff.testkit.random.RandomTenants;
import io.mystaff.testkit.random.Seeds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The comparison with the reference model can fail: each variant below is the real engine with one
 * rule flipped (by rewriting the facts it is given or the answer it returns), and the same property
 * run must find a divergence, report it with its seed, and reproduce it on replay.
 */
class EngineMutationTest {

  /** The real engine with one rule broken, by rewriting its inputs or its answer. */
  // Its operators are stateless functions (identities and method references).
  @SuppressWarnings("ImmutableEnumChecker")
  enum Mutant implements ReferenceCheck.Decider {
    /** Tenant-scoped administrators reach members of restricted-management units. */
    RESTRICTED_UNITS_IGNORED(
        UnaryOperator.identity(),
        t ->
            new TargetFacts(
                t.id(),
                t.units(),
                Set.of(),
                t.assignments(),
                t.roleAssignableGroupMember(),
                t.guest()),
        UnaryOperator.identity()),
    /** Expired and future assignments still grant. */
    TIME_BOUNDS_IGNORED(
        actor ->
            eachAssignment(
                actor, a -> RoleAssignment.of(a.id(), a.principal(), a.role(), a.scope())),
        UnaryOperator.identity(),
        UnaryOperator.identity()),
    /** Unit-scoped assignments act as if tenant-wide. */
    UNIT_SCOPES_WIDENED(
        actor ->
            eachAssignment(
                actor,
                a ->
                    new RoleAssignment(
                        a.id(), a.principal(), a.role(), Scope.tenant(), a.start(), a.end())),
        UnaryOperator.identity(),
        UnaryOperator.identity()),
    /** Nobody is protected: the target's roles and group memberships are not looked at. */
    PROTECTION_IGNORED(
        UnaryOperator.identity(),
        t -> new TargetFacts(t.id(), t.units(), t.restrictedUnits(), List.of(), false, t.guest()),
        UnaryOperator.identity()),
    /** Guests are changed like members of the organization. */
    GUESTS_CHANGED(
        UnaryOperator.identity(),
        t ->
            new TargetFacts(
                t.id(),
                t.units(),
                t.restrictedUnits(),
                t.assignments(),
                t.roleAssignableGroupMember(),
                false),
        UnaryOperator.identity()),
    /** The deny reasons for scope and protection are swapped. */
    REASONS_SWAPPED(
        UnaryOperator.identity(), UnaryOperator.identity(), Mutant::swapScopeAndProtection);

    private final UnaryOperator<ActorFacts> actor;
    private final UnaryOperator<TargetFacts> target;
    private final UnaryOperator<Decision> answer;

    Mutant(
        UnaryOperator<ActorFacts> actor,
        UnaryOperator<TargetFacts> target,
        UnaryOperator<Decision> answer) {
      this.actor = actor;
      this.target = target;
      this.answer = answer;
    }

    @Override
    public Decision decide(
        ActorFacts a, StaffAction action, TargetFacts t, RoleCatalog roles, Instant now) {
      return answer.apply(ENGINE.decide(actor.apply(a), action, target.apply(t), roles, now));
    }

    private static ActorFacts eachAssignment(
        ActorFacts actor, UnaryOperator<RoleAssignment> change) {
      List<RoleAssignment> changed = new ArrayList<>();
      for (RoleAssignment a : actor.assignments()) {
        changed.add(change.apply(a));
      }
      return new ActorFacts(actor.id(), changed);
    }

    private static Decision swapScopeAndProtection(Decision d) {
      if (d.denyReason().equals(Optional.of(DenyReason.TARGET_OUT_OF_SCOPE))) {
        return new Decision.Deny(d.action(), DenyReason.TARGET_PROTECTED);
      }
      if (d.denyReason().equals(Optional.of(DenyReason.TARGET_PROTECTED))) {
        return new Decision.Deny(d.action(), DenyReason.TARGET_OUT_OF_SCOPE);
      }
      return d;
    }
  }

  @ParameterizedTest
  @EnumSource(Mutant.class)
  void compareWithReference_mutantEngine_divergenceFoundWithSeed(Mutant mutant) {
    long seed = Seeds.forTest("mutant " + mutant);
    Function<Random, World> worlds = World.generator(RandomTenants.small(), 40);
    Consumer<World> check = world -> ReferenceCheck.assertAgrees(mutant, world);

    assertThatThrownBy(() -> Property.forAll(seed, 2_500, worlds, check))
        .isInstanceOfSatisfying(
            PropertyFailure.class,
            failure -> {
              assertThat(failure.seed()).isEqualTo(seed);
              assertThat(failure.getMessage())
                  .contains(
                      "seed " + seed,
                      Seeds.replayFlag(Seeds.base()),
                      failure.iterationSeed() + "L",
                      "decision on");
              assertThatThrownBy(() -> Property.replay(failure.iterationSeed(), worlds, check))
                  .as("replaying iteration seed %s", failure.iterationSeed())
                  .isInstanceOf(PropertyFailure.class);
            });
  }
}
