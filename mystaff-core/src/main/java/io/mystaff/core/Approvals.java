package io.mystaff.core;

import static java.util.Objects.requireNonNull;

import io.mystaff.spi.ApprovalStore;
import java.util.Optional;

/** The approval policy one {@link MyStaff} applies and the store its requests live in, if any. */
record Approvals(ApprovalPolicy policy, Optional<ApprovalStore> store) {
  Approvals {
    requireNonNull(policy, "policy");
    requireNonNull(store, "store");
    if (store.isEmpty() && !policy.coversNothing()) {
      throw new IllegalArgumentException("a policy that covers changes needs a store");
    }
  }

  /** No policy and no store: every change is made at once. */
  static Approvals none() {
    return new Approvals(ApprovalPolicy.none(), Optional.empty());
  }
}
