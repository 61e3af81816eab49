package io.mystaff.testkit.contract;

import io.mystaff.inmemory.InMemoryApprovalStore;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;

/** The in-memory approval store runs the approval store contract. */
class InMemoryApprovalStoreContractTest {
  @TestFactory
  DynamicContainer approvals() {
    return ApprovalStoreTestSuiteBuilder.using(tenant -> InMemoryApprovalStore.create())
        .named("InMemoryApprovalStore")
        .build();
  }

  /** The base of the broken approval stores keeps the contract with its mistakes switched off. */
  @TestFactory
  DynamicContainer sloppyStoreWithoutMistakes() {
    return ApprovalStoreTestSuiteBuilder.using(
            tenant -> new SloppyApprovalStore(java.util.Optional.empty()))
        .named("SloppyApprovalStore without mistakes")
        .build();
  }
}
