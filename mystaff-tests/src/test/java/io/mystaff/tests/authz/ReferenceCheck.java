package io.mystaff.tests.authz;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.api.authz.ActorFacts;
import io.mystaff.api.authz.Decision;
import io.mystaff.api.authz.RoleCatalog;
import io.mystaff.api.authz.StaffAction;
import io.mystaff.api.authz.TargetFacts;
import io.mystaff.core.authz.AuthorizationEngine;
import io.mystaff.testkit.random.AuthorizationQuery;
import io.mystaff.testkit.reference.ReferenceAuthorizationModel;
import java.time.Instant;

/** Compares an engine's decisions with the reference model's, question by question. */
final class ReferenceCheck {
  static final AuthorizationEngine ENGINE = AuthorizationEngine.standard();
  static final ReferenceAuthorizationModel REFERENCE = new ReferenceAuthorizationModel();

  /**
   * The shape of {@link AuthorizationEngine#decide}, so a deliberately broken variant can stand in.
   */
  @FunctionalInterface
  interface Decider {
    Decision decide(
        ActorFacts actor, StaffAction action, TargetFacts target, RoleCatalog roles, Instant now);
  }

  private ReferenceCheck() {}

  /** Fails on the first question where {@code decider} and the reference model disagree. */
  static void assertAgrees(Decider decider, World world) {
    for (AuthorizationQuery q : world.queries()) {
      Decision expected =
          REFERENCE.decide(world.tenant(), q.actor(), q.action(), q.target(), q.now());
      Decision actual =
          decider.decide(world.actor(q), q.action(), world.target(q), world.roles(), q.now());
      assertThat(actual).as("decision on %s", q).isEqualTo(expected);
    }
  }
}
