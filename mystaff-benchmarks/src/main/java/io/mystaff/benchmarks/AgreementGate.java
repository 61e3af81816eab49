package io.mystaff.benchmarks;

import io.mystaff.core.authz.AuthorizationEngine;

/**
 * Stops a benchmark run before measuring if mystaff and the peer disagree on any sampled decision:
 * a speed comparison between engines that answer differently would be meaningless.
 */
final class AgreementGate {
  private AgreementGate() {}

  /**
   * @return the number of permits among the samples (so a run that denies everything is visible)
   * @throws IllegalStateException naming the first disagreement
   */
  static int check(
      Workload workload, Workload.Query[] samples, AuthorizationEngine engine, CasbinPeer peer) {
    int permits = 0;
    for (Workload.Query q : samples) {
      boolean ours =
          engine
              .decide(q.actorFacts(), q.action(), q.targetFacts(), workload.catalog, Workload.NOW)
              .isPermit();
      boolean theirs = peer.allows(q);
      if (ours != theirs) {
        throw new IllegalStateException(
            "mystaff and jCasbin disagree (seed "
                + workload.seed
                + "): actor u"
                + q.actor()
                + " "
                + q.action()
                + " target u"
                + q.target()
                + ": mystaff="
                + ours
                + ", jCasbin="
                + theirs);
      }
      if (ours) {
        permits++;
      }
    }
    if (permits == 0 || permits == samples.length) {
      throw new IllegalStateException(
          "degenerate sample: " + permits + " permits of " + samples.length);
    }
    return permits;
  }
}
