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
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The comparison with the reference model can fail: each variant below is the real engine with
 * one rule flipped (by rewriting the facts it is given or the answer it returns), and the same
 * property run must find a divergence, report it with its seed, and reproduce it on replay.
 */
class EngineMutationTest {

  /** The real engine with one rule broken. */
  enum Mutant implements ReferenceCheck.Decider {
    /** Tenant-scoped administrators reach members of restricted-management units. */
    RESTRICTED_UNITS_IGNORED {
      @Override
      public Decision decide(ActorFacts actor, StaffAction action, TargetFacts target,
          RoleCatalog roles, Instant now) {
        TargetFacts unrestricted = new TargetFacts(target.id(), target.units(), Set.of(),
            target.assignments(), target.roleAssignableGroupMember());
        return ENGINE.decide(actor, action, unrestricted, roles, now);
      }
    },
    /** Expired and future assignments still grant. */
    TIME_BOUNDS_IGNORED {
      @Override
      public Decision decide(ActorFacts actor, StaffAction action, TargetFacts target,
          RoleCatalog roles, Instant now) {
        List<RoleAssignment> permanent = new ArrayList<>();
        for (RoleAssignment a : actor.assignments()) {
          permanent.add(RoleAssignment.of(a.id(), a.principal(), a.role(), a.scope()));
        }
        return ENGINE.decide(new ActorFacts(actor.id(), permanent), action, target, roles, now);
      }
    },
    /** Unit-scoped assignments act as if tenant-wide. */
    UNIT_SCOPES_WIDENED {
      @Override
      public Decision decide(ActorFacts actor, StaffAction action, TargetFacts target,
          RoleCatalog roles, Instant now) {
        List<RoleAssignment> widened = new ArrayList<>();
        for (RoleAssignment a : actor.assignments()) {
          widened.add(new RoleAssignment(a.id(), a.principal(), a.role(), Scope.tenant(), a.start(), a.end()));
        }
        return ENGINE.decide(new ActorFacts(actor.id(), widened), action, target, roles, now);
      }
    },
    /** Nobody is protected: the target's roles and group memberships are not looked at. */
    PROTECTION_IGNORED {
      @Override
      public Decision decide(ActorFacts actor, StaffAction action, TargetFacts target,
          RoleCatalog roles, Instant now) {
        TargetFacts plain = new TargetFacts(target.id(), target.units(), target.restrictedUnits(), List.of(), false);
        return ENGINE.decide(actor, action, plain, roles, now);
      }
    },
    /** The deny reasons for scope and protection are swapped. */
    REASONS_SWAPPED {
      @Override
      public Decision decide(ActorFacts actor, StaffAction action, TargetFacts target,
          RoleCatalog roles, Instant now) {
        Decision d = ENGINE.decide(actor, action, target, roles, now);
        if (d.denyReason().isEmpty()) {
          return d;
        }
        switch (d.denyReason().get()) {
          case TARGET_OUT_OF_SCOPE:
            return new Decision.Deny(action, DenyReason.TARGET_PROTECTED);
          case TARGET_PROTECTED:
            return new Decision.Deny(action, DenyReason.TARGET_OUT_OF_SCOPE);
          default:
            return d;
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Mutant.class)
  void compareWithReference_mutantEngine_divergenceFoundWithSeed(Mutant mutant) {
    long seed = Seeds.forTest("mutant " + mutant);
    Function<Random, World> worlds = World.generator(RandomTenants.small(), 40);
    Consumer<World> check = world -> ReferenceCheck.assertAgrees(mutant, world);

    assertThatThrownBy(() -> Property.forAll(seed, 2_500, worlds, check))
        .isInstanceOfSatisfying(PropertyFailure.class, failure -> {
          assertThat(failure.seed()).isEqualTo(seed);
          assertThat(failure.getMessage())
              .contains("seed " + seed, Seeds.replayFlag(Seeds.base()), failure.iterationSeed() + "L", "decision on");
          assertThatThrownBy(() -> Property.replay(failure.iterationSeed(), worlds, check))
              .as("replaying iteration seed %s", failure.iterationSeed())
              .isInstanceOf(PropertyFailure.class);
        });
  }
}
